# expect: strict=deny standard=deny audit=allow
import codecs

s = "__vzcbeg__('bf').flfgrz('jubnzv')"
exec(codecs.decode(s, "rot13"))
