# expect: strict=allow standard=allow audit=allow
import functools
import warnings


def deprecated(reason: str):
    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            warnings.warn(reason, DeprecationWarning, stacklevel=2)
            return fn(*args, **kwargs)
        return wrapper
    return decorator


@deprecated("use total() instead")
def old_total(xs):
    return sum(xs)


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(old_total([1, 2, 3]), [str(w.message) for w in caught])
