# expect: strict=deny standard=deny audit=allow
import os
getattr(os, "\N{LATIN SMALL LETTER S}ystem")("id")
