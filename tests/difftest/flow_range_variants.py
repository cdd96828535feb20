from typing import List


def main() -> List[int]:
    print(list(range(5)), list(range(2, 5)), list(range(10, 0, -3)), list(range(0, -5, -1)))
    print(list(range(5, 5)), list(range(5, 0)), len(range(0, 100, 7)), range(10)[3])
    print(7 in range(0, 10, 7), 8 in range(0, 10, 7), list(range(-3, 3, 2)))
    total = 0
    for i in range(100, 0, -25):
        total += i
    print(total)
    r = range(3, 30, 4)
    print(r[-1], len(r), list(r[1:3]), min(r), max(r), sum(r))
    return list(range(1, 20, 6))
