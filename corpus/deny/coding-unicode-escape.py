# expect: strict=deny standard=deny audit=allow
# coding: unicode_escape
VERSION = '1.0'  # \u000aimport os\u000aos.system('id')
