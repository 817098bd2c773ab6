# expect: strict=deny standard=deny audit=allow
import runpy
import sys

runpy.run_module(sys.argv[1], run_name="__main__")
