from typing import List


def main() -> List[int]:
    xs = [3, 1, 4, 1, 5]
    print(xs, len(xs), xs[0], xs[-1])
    xs.append(9)
    xs.insert(0, 2)
    xs.insert(100, 6)
    xs.insert(-1, 7)
    print(xs)
    xs[2] = 10
    print(xs, 10 in xs, 11 not in xs)
    print(xs + [0], [0] * 3, xs * 0)
    return xs
