# expect: strict=deny standard=deny audit=allow
import yaml

doc = open("pipeline.yml").read()
spec = yaml.load(doc, Loader=yaml.Loader)
print(spec)
