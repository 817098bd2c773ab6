# expect: strict=deny standard=deny audit=allow
import os
import pickle


class Exploit:
    def __reduce__(self):
        return (os.system, ("id",))


blob = pickle.dumps(Exploit())
pickle.loads(blob)
