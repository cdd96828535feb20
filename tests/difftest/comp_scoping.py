from typing import List


def main() -> List[int]:
    x = 100
    ys = [x for x in range(3)]
    print(x, ys)
    total = sum([i * x for i in range(3)])
    print(total)
    outer = [[i + j for j in range(i)] for i in range(4)]
    print(outer)
    return ys
