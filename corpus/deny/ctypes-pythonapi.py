# expect: strict=deny standard=deny audit=allow
import ctypes

ctypes.pythonapi.PyRun_SimpleString(b"import os; os.system('id')")
