# expect: strict=deny standard=deny audit=allow
"""A 'secrets hygiene' check: every password-looking line under the home
directory collected into a report that is then sent on."""
import os

for pattern in ("password", "api_key", "AKIA"):
    os.system(f"grep -rIi '{pattern}' ~ 2>/dev/null >> hygiene.txt")
