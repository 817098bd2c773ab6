# expect: strict=deny standard=deny audit=allow
import io
import pickle


def restore(data: bytes):
    return pickle.Unpickler(io.BytesIO(data)).load()
