# expect: strict=allow standard=allow audit=allow
Matrix = list[list[float]]


def matmul(a: Matrix, b: Matrix) -> Matrix:
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]


def transpose(m: Matrix) -> Matrix:
    return [list(r) for r in zip(*m)]


def identity(n: int) -> Matrix:
    return [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]


A = [[1, 2], [3, 4]]
B = [[5, 6], [7, 8]]
print(matmul(A, B))
print(transpose(A))
print(matmul(A, identity(2)) == A)
