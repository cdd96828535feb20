from typing import List


def main() -> List[int]:
    xs: List[int] = [1, 2, 3]
    xs.insert(-1, 10)
    xs.insert(-100, 20)
    xs.insert(len(xs), 30)
    xs.insert(2, 40)
    print(xs)
    print(xs.pop(-3), xs)
    print(xs.index(30), xs.index(1, 1, 3))
    return xs
