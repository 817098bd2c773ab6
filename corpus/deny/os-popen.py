# expect: strict=deny standard=deny audit=allow
import os

gpu_info = os.popen("nvidia-smi --query-gpu=name --format=csv").read()
print(gpu_info)
