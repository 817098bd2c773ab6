# expect: strict=deny standard=deny audit=allow
import runpy

result = runpy.run_path("/tmp/downloaded_tool.py", run_name="__main__")
