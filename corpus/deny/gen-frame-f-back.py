# expect: strict=deny standard=deny audit=allow
def gen():
    yield 1


g = gen()
next(g)
caller_globals = g.gi_frame.f_back.f_globals if g.gi_frame.f_back else g.gi_frame.f_globals
print(list(caller_globals)[:5])
