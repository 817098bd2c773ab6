# expect: strict=deny standard=deny audit=allow
def connect(host, port=eval("__import__('os').getenv('PORT', '80')")):
    return host, int(port)


print(connect("localhost"))
