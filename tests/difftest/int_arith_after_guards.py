from typing import List


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def steps(xs: List[int]) -> List[int]:
    out: List[int] = []
    for x in xs:
        if x >= 100:
            continue
        if 0 > x:
            out.append(-1)
            continue
        out.append(x + 1)
        out.append(x - 1)
        x = x * 1000
        out.append(x + 1)
    return out


def clamp(n: int) -> int:
    if n <= -5:
        raise ValueError("too small: " + str(n))
    if n > 9223372036854775806:
        return 0
    return (n - 1) - (n + 1) + n


def main() -> int:
    print(fib(15), fib(1), fib(0), fib(-3))
    print(steps([1, 200, -7, 99, 0]))
    print(clamp(3), clamp(-4), clamp(9223372036854775806), clamp(9223372036854775807))
    try:
        clamp(-5)
    except ValueError as e:
        print("ValueError", e)
    return 0
