from typing import List


def process(xs: List[int], threshold: int) -> List[int]:
    def keep(x: int) -> bool:
        return x > threshold

    def transform(x: int) -> int:
        return x * x - threshold

    return [transform(x) for x in xs if keep(x)]


def main() -> List[int]:
    print(process([1, 5, 10, 3], 3))
    print(process([], 0))
    return process(list(range(10)), 6)
