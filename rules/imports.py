# Tests for rules/imports.yaml. A "# ruleid: X" line means the next line
# must produce rule X; "# ok: X" means it must not.
# ruleid: import-telnetlib
import telnetlib
# ruleid: import-ftplib
from ftplib import FTP
# ruleid: import-pickle
import pickle
# ruleid: import-pickle
import dill as serializer
# ruleid: import-pickle
from shelve import open as open_shelf
# ruleid: import-subprocess
import subprocess
# ruleid: import-subprocess
from subprocess import run
# ruleid: import-xml-etree
import xml.etree.ElementTree as ET
# ruleid: import-xml-etree
from xml.etree.cElementTree import parse
# ruleid: import-xml-sax
import xml.sax
# ruleid: import-xml-expat
import xml.dom.expatbuilder
# ruleid: import-xml-minidom
from xml.dom.minidom import parseString
# ruleid: import-xml-pulldom
import xml.dom.pulldom
# ruleid: import-lxml
from lxml import etree
# ruleid: import-xmlrpc
import xmlrpc.client
# ruleid: import-httpoxy
import twisted.web.twcgi
# ruleid: import-pycrypto
from Crypto.Cipher import AES
# ruleid: import-pyghmi
import pyghmi.ipmi.command
# ok: import-pickle
import json
# ok: import-xml-etree, import-xml-sax, import-lxml
import defusedxml.ElementTree
# ok: import-subprocess
import subprocess_tee_helpers
# ok: import-pycrypto
from cryptography.fernet import Fernet

import sys

# ruleid: import-path-hijack
sys.path.insert(0, "/tmp/.cache/x")
# ok: import-path-hijack
sys.path.insert(0, "src")
