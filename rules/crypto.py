# Tests for rules/crypto.yaml. A "# ruleid: X" line means the next line
# must produce rule X; "# ok: X" means it must not.
import hashlib
import random
import secrets

import jwt
from Crypto.Cipher import AES, DES
from Crypto.PublicKey import RSA
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa
from cryptography.hazmat.primitives.ciphers import algorithms, modes

data = b"payload"
key = secrets.token_bytes(16)

# ruleid: weak-hash
digest = hashlib.md5(data).hexdigest()
# ruleid: weak-hash
digest = hashlib.sha1(data).hexdigest()
# ruleid: weak-hash
algorithm = hashes.MD5()
# ok: weak-hash
checksum = hashlib.md5(data, usedforsecurity=False).hexdigest()
# ok: weak-hash
digest = hashlib.sha256(data).hexdigest()

# ruleid: weak-hash-new
digest = hashlib.new("md5", data)
# ruleid: weak-hash-new
digest = hashlib.new(name="SHA1")
# ok: weak-hash-new
digest = hashlib.new("sha256", data)
# ok: weak-hash-new
digest = hashlib.new("md5", data, usedforsecurity=False)

# ruleid: weak-cipher
cipher = DES.new(key[:8], DES.MODE_CBC)
# ruleid: weak-cipher
stream = algorithms.ARC4(key)
# ok: weak-cipher
block = algorithms.AES(key)

# ruleid: weak-cipher-mode
mode = modes.ECB()
# ruleid: weak-cipher-mode
cipher = AES.new(key, AES.MODE_ECB)
# ok: weak-cipher-mode
cipher = AES.new(key, AES.MODE_GCM)

# ruleid: weak-key-size
private = rsa.generate_private_key(public_exponent=65537, key_size=1024)
# ruleid: weak-key-size
private = dsa.generate_private_key(key_size=1024)
# ruleid: weak-key-size
legacy = RSA.generate(1024)
# ok: weak-key-size
private = rsa.generate_private_key(public_exponent=65537, key_size=3072)
# ok: weak-key-size
legacy = RSA.generate(4096)

# ruleid: weak-ec-curve
curve_key = ec.generate_private_key(ec.SECP192R1())
# ok: weak-ec-curve
curve_key = ec.generate_private_key(ec.SECP256R1())

# ruleid: jwt-signature-not-verified
claims = jwt.decode(b"token", options={"verify_signature": False})
# ok: jwt-signature-not-verified
claims = jwt.decode(b"token", key, algorithms=["HS256"])

# ruleid: insecure-random
session_token = random.randint(0, 10**9)
# ruleid: insecure-random
pick = random.choice(["a", "b"])
# ok: insecure-random
session_token = secrets.token_hex(16)
# ok: insecure-random
rng = random.SystemRandom()
