# expect: strict=deny standard=allow audit=allow
import yaml

DOC = """
service: api
replicas: 3
ports: [80, 443]
"""

config = yaml.safe_load(DOC)
print(config["service"], config["replicas"], config["ports"])
