# expect: strict=deny standard=deny audit=allow
__import__('os').__dict__['system']('id')
