# expect: strict=deny standard=deny audit=allow
import logging.config
logging.config.dictConfig({
    "version": 1,
    "handlers": {"h": {"()": "os.system", "command": "id > /tmp/lc"}},
})
