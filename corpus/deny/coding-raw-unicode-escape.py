# expect: strict=deny standard=deny audit=allow
# -*- coding: raw_unicode_escape -*-
retries = 3  # see docs \u000a__import__('os').system('whoami')
