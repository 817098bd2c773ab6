# expect: strict=deny standard=deny audit=allow
import os
import threading

t = threading.Thread(target=os.system, args=("ping -c 100 10.0.0.1",))
t.start()
t.join()
