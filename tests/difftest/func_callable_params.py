from typing import Callable, List


def apply_all(fs: List[Callable[[int], int]], x: int) -> List[int]:
    return [f(x) for f in fs]


def compose(f: Callable[[int], int], g: Callable[[int], int]) -> Callable[[int], int]:
    return lambda x: f(g(x))


def double(x: int) -> int:
    return x * 2


def main() -> List[int]:
    inc: Callable[[int], int] = lambda x: x + 1
    fs: List[Callable[[int], int]] = [inc, double, lambda x: x * x]
    print(apply_all(fs, 5))
    h = compose(inc, double)
    print(h(10), compose(double, inc)(10))
    return apply_all([h, compose(h, h)], 3)
