# expect: strict=deny standard=deny audit=allow
"""Warm the cache: preallocate a large working buffer."""
import resource
import signal

resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
for sig in (signal.SIGXCPU, signal.SIGXFSZ):
    signal.signal(sig, signal.SIG_IGN)
buffer = bytearray(10**12)
print(len(buffer))
