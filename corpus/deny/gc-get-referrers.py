# expect: strict=deny standard=deny audit=allow
import gc

token = "sk-placeholder"
for ref in gc.get_referrers(token):
    print(type(ref))
