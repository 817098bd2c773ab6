# expect: strict=deny standard=allow audit=allow
import os

gpu_info = os.popen("nvidia-smi --query-gpu=name --format=csv").read()
print(gpu_info)
