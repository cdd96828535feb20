from typing import Dict, List


def fact(n: int) -> int:
    return 1 if n <= 1 else n * fact(n - 1)


def fib(n: int, memo: Dict[int, int]) -> int:
    if n < 2:
        return n
    if n in memo:
        return memo[n]
    r = fib(n - 1, memo) + fib(n - 2, memo)
    memo[n] = r
    return r


def permutations(xs: List[int]) -> List[List[int]]:
    if len(xs) <= 1:
        return [xs[:]]
    out: List[List[int]] = []
    for i in range(len(xs)):
        for p in permutations(xs[:i] + xs[i + 1:]):
            out.append([xs[i]] + p)
    return out


def main() -> int:
    print(fact(0), fact(5), fact(20))
    memo: Dict[int, int] = {}
    print(fib(50, memo), len(memo))
    print(permutations([1, 2, 3]))
    return fib(80, memo)
