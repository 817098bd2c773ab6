# expect: strict=allow standard=allow audit=allow
import reprlib

big = list(range(1000))
text = "x" * 500
print(reprlib.repr(big))
print(reprlib.repr(text))


class Matrix:
    def __init__(self, rows):
        self.rows = rows

    @reprlib.recursive_repr()
    def __repr__(self):
        return f"Matrix({reprlib.repr(self.rows)})"


print(Matrix([[1, 2], [3, 4]] * 20))
