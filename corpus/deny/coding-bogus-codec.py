# expect: strict=deny standard=deny audit=allow
# -*- coding: x-agent-obfuscated-42 -*-
print('hello')
