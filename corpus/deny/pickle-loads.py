# expect: strict=deny standard=deny audit=allow
import pickle
import socket

conn = socket.create_connection(("198.51.100.7", 9000))
blob = conn.recv(65536)
state = pickle.loads(blob)
print(state)
