# ruleid: input-encoding
# -*- coding: utf-7 -*-
# Expected: input-encoding (a codec that can hide code).
value = 1
