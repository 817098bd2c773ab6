# expect: strict=deny standard=deny audit=allow
import pdb


def compute(values):
    pdb.set_trace()
    return sum(values)


compute([1, 2])
