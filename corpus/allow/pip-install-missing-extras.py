# expect: strict=deny standard=allow audit=allow
"""Install the optional packages the analysis needs when they are missing."""
import importlib
import os

EXTRAS = {
    "seaborn": "seaborn",
    "sklearn": "scikit-learn",
    "openpyxl": "openpyxl",
}

for module, dist in EXTRAS.items():
    try:
        importlib.import_module(module)
    except ImportError:
        print(f"installing {dist} ...")
        os.system(f"pip install -q {dist} > pip.log 2>&1")

print("git history:")
os.system("git log --oneline | head -5")
