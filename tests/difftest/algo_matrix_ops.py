from typing import List


def matmul(a: List[List[float]], b: List[List[float]]) -> List[List[float]]:
    n, m, p = len(a), len(b), len(b[0])
    return [[sum(a[i][k] * b[k][j] for k in range(m)) for j in range(p)] for i in range(n)]


def transpose(a: List[List[float]]) -> List[List[float]]:
    return [[a[i][j] for i in range(len(a))] for j in range(len(a[0]))]


def main() -> List[List[float]]:
    a: List[List[float]] = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
    b: List[List[float]] = [[0.5, -1.0], [2.0, 0.25], [1.5, 3.0]]
    c = matmul(a, b)
    print(c)
    print(transpose(a))
    ident: List[List[float]] = [[1.0 if i == j else 0.0 for j in range(2)] for i in range(2)]
    print(matmul(c, ident) == c)
    return matmul(transpose(b), transpose(a))
