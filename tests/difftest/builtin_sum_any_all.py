from typing import List


def main() -> float:
    ints: List[int] = [1, 2, 3]
    floats: List[float] = [0.1, 0.2, 0.3]
    print(sum(ints), sum(floats), sum(ints, 10), sum(floats, 1.0))
    print(sum([0.1] * 10), sum(range(101)))
    print(any([0, 0, 1]), any([0, 0]), all([1, 2]), all([1, 0]), any(""), all(""))
    print(any(x > 2 for x in ints), all(x > 0 for x in ints))
    print(sum([True, True, False]))
    return sum(floats)
