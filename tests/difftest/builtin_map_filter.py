from typing import List


def square(x: int) -> int:
    return x * x


def is_odd(x: int) -> bool:
    return x % 2 == 1


def main() -> List[int]:
    xs: List[int] = list(range(10))
    print(list(map(square, xs)))
    print(list(filter(is_odd, xs)))
    print(list(map(square, filter(is_odd, xs))))
    print(list(map(lambda v: str(v), xs)))
    print(list(map(lambda s: s.upper(), ["a", "bé"])))
    words = ["x", "", "yz", ""]
    print(list(filter(lambda w: bool(w), words)))
    return list(map(lambda a: a * 3, filter(lambda a: a > 6, xs)))
