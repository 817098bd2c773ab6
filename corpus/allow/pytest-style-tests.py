# expect: strict=deny standard=allow audit=allow
import pytest


def divide(a: float, b: float) -> float:
    if b == 0:
        raise ZeroDivisionError("b must not be zero")
    return a / b


@pytest.mark.parametrize("a,b,expected", [(6, 3, 2), (1, 4, 0.25)])
def test_divide(a, b, expected):
    assert divide(a, b) == expected


def test_divide_by_zero():
    with pytest.raises(ZeroDivisionError):
        divide(1, 0)
