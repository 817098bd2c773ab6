# expect: strict=deny standard=allow audit=allow
import yaml

text = "name: demo\nitems:\n  - a\n  - b\n"
data = yaml.load(text, Loader=yaml.SafeLoader)
print(data)
