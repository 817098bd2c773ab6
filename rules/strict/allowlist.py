# Tests for rules/strict/allowlist.yaml. A "# ruleid: X" line means the next
# line must produce rule X; "# ok: X" means it must not.
# ok: import-not-allowed
from __future__ import annotations

# ok: import-not-allowed
import json
# ok: import-not-allowed
import collections.abc
# ok: import-not-allowed
from collections import OrderedDict
# ok: import-not-allowed
import html.parser
# ok: import-not-allowed
from urllib.parse import urlparse
# ok: import-not-allowed
import math, statistics, re
# ok: import-not-allowed
from typing import Any
# ok: import-not-allowed
import json.decoder
# ruleid: import-not-allowed
import os
# ruleid: import-not-allowed
import sys
# ruleid: import-not-allowed
from pathlib import Path
# ruleid: import-not-allowed
import types
# ruleid: import-not-allowed
import logging
# ruleid: import-not-allowed
import urllib.request
# ruleid: import-not-allowed
import urllib
# ruleid: import-not-allowed
import jsonschema
# ruleid: import-not-allowed
from . import sibling
# ruleid: import-not-allowed
module = __import__("subprocess")
# ok: import-not-allowed
module = __import__("json")
