# expect: strict=deny standard=allow audit=allow
"""Install PyTorch for this machine's CUDA version."""
import subprocess
import sys

TORCH_INDEX = {
    "cu121": "https://download.pytorch.org/whl/cu121",
    "cpu": "https://download.pytorch.org/whl/cpu",
}


def pip(*args):
    subprocess.check_call([sys.executable, "-m", "pip", *args])


flavor = "cu121" if "--cuda" in sys.argv else "cpu"
pip("install", "torch", "--index-url", TORCH_INDEX[flavor])
pip("install", "torchvision", "--index-url", "https://download.pytorch.org/whl/cpu")
