# expect: strict=deny standard=deny audit=allow
import yaml

payload = "!!python/object/apply:os.system ['id']"
yaml.unsafe_load(payload)
