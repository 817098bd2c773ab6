# expect: strict=deny standard=deny audit=allow
# Redundant parentheses around the module, deeper than an analyzer that
# spends a step per level would follow.
import os

runner = ((((((((((((((((((((((((((((((((((((((((os))))))))))))))))))))))))))))))))))))))))
runner.system("id")
