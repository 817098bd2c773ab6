# expect: strict=allow standard=allow audit=allow
from pprint import pformat, pprint

config = {
    "service": {"name": "api", "replicas": 3, "ports": [80, 443]},
    "database": {"engine": "postgres", "pool": {"min": 2, "max": 10}},
    "features": ["search", "export", "billing"],
}

pprint(config, width=50, sort_dicts=True)
print(pformat(config["database"], depth=1))
