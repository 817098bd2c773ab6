# expect: strict=deny standard=deny audit=allow
import sys


def tracer(frame, event, arg):
    if event == "call":
        print("call", frame.f_code.co_name, frame.f_locals)
    return tracer


sys.settrace(tracer)
