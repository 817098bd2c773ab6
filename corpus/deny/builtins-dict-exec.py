# expect: strict=deny standard=deny audit=allow
source = "import os\nprint(os.listdir('/root'))"
__builtins__.__dict__['exec'](source)
