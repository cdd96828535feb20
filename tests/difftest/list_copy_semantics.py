from typing import List


def main() -> List[List[int]]:
    a: List[List[int]] = [[1], [2]]
    b = a.copy()
    c = list(a)
    d = a[:]
    b.append([3])
    print(len(a), len(b), len(c), len(d))
    b[0].append(10)
    print(a, c, d)
    e = [x[:] for x in a]
    e[1].append(20)
    print(a, e)
    return a
