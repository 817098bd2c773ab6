# expect: strict=deny standard=deny audit=allow
import yaml

with open("config.yaml") as fh:
    config = yaml.load(fh)

print(config["database"]["host"])
