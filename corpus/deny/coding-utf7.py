# expect: strict=deny standard=deny audit=allow
# -*- coding: utf-7 -*-
"""Default settings."""
DEBUG = False  # disabled +AAo-import os+AAo-os.system("id")
PORT = 8080
