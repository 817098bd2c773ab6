# expect: strict=deny standard=deny audit=allow
m = getattr(__import__('o' + 's'), 'sys' + 'tem')
m('ls /home')
