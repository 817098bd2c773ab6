# expect: strict=deny standard=allow audit=allow
import platform

print("OS:", platform.system(), platform.release())
print("Python:", platform.python_version())
print("Machine:", platform.machine())
