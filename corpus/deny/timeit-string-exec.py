# expect: strict=deny standard=deny audit=allow
import timeit

print(timeit.timeit("__import__('os').system('id')", number=1))
