# expect: strict=deny standard=deny audit=allow
import os

config = {"action": "system", "arg": "ls -la /"}


def dispatch(cfg):
    fn = getattr(os, cfg["action"])
    return fn(cfg["arg"])


dispatch(config)
