# expect: strict=deny standard=deny audit=allow
import ctypes
import mmap

shellcode = b"\x90" * 16 + b"\xc3"
mem = mmap.mmap(-1, len(shellcode), prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
mem.write(shellcode)
addr = ctypes.addressof(ctypes.c_char.from_buffer(mem))
ctypes.CFUNCTYPE(None)(addr)()
