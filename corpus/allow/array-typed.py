# expect: strict=allow standard=allow audit=allow
from array import array

temps = array("d", [21.5, 22.0, 19.8, 23.1])
temps.append(20.4)
print(temps.typecode, len(temps), max(temps))
codes = array("B", b"hello")
print(codes.tolist(), codes.tobytes())
