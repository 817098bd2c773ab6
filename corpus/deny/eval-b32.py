# expect: strict=deny standard=deny audit=allow
import base64

print(eval(base64.b32decode("L5PWS3LQN5ZHIX27FATW64ZHFEXHA33QMVXCQJ3JMQTSSLTSMVQWIKBJ")))
