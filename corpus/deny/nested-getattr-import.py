# expect: strict=deny standard=deny audit=allow
getattr(getattr(__import__('o' + 's'), 'sys' + 'tem'), '__call__')('id')
