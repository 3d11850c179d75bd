

def identity(n: int) -> list[list[float]]:
    return [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]


def multiply(a: list[list[float]], b: list[list[float]]) -> list[list[float]]:
    rows, inner, cols = len(a), len(b), len(b[0])
    out = [[0.0] * cols for _ in range(rows)]
    for i in range(rows):
        for j in range(cols):
            s = 0.0
            for k in range(inner):
                s += a[i][k] * b[k][j]
            out[i][j] = s
    return out


def transpose(a: list[list[float]]) -> list[list[float]]:
    return [[row[j] for row in a] for j in range(len(a[0]))]


def determinant(a: list[list[float]]) -> float:
    n = len(a)
    m = [row[:] for row in a]
    det = 1.0
    for c in range(n):
        pivot = max(range(c, n), key=lambda r: abs(m[r][c]))
        if m[pivot][c] == 0.0:
            return 0.0
        if pivot != c:
            m[c], m[pivot] = m[pivot], m[c]
            det = -det
        det *= m[c][c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            for k in range(c, n):
                m[r][k] -= f * m[c][k]
    return det


def power(a: list[list[float]], e: int) -> list[list[float]]:
    result = identity(len(a))
    base = a
    while e > 0:
        if e % 2 == 1:
            result = multiply(result, base)
        base = multiply(base, base)
        e //= 2
    return result


def show(name: str, a: list[list[float]]) -> None:
    print(name)
    for row in a:
        print("  " + " ".join(f"{v:8.3f}" for v in row))


a = [[2.0, -1.0, 0.0], [-1.0, 2.0, -1.0], [0.0, -1.0, 2.0]]
b = [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]
show("a", a)
show("a*b", multiply(a, b))
show("b^T", transpose(b))
print("det(a) =", determinant(a))
print("det(I) =", determinant(identity(4)))
print("det(singular) =", determinant([[1.0, 2.0], [2.0, 4.0]]))
fib = power([[1.0, 1.0], [1.0, 0.0]], 30)
print("fib(30) =", int(fib[0][1]))
show("a^5", power(a, 5))
print(multiply([[0.1, 0.2]], [[0.1], [0.2]]))
print(transpose([[1.0, 2.0, 3.0]]), identity(2))
