from typing import List


def sieve(n: int) -> List[int]:
    is_p = [True] * (n + 1)
    is_p[0] = False
    is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    return [k for k, p in enumerate(is_p) if p]


def main() -> int:
    ps = sieve(200)
    print(ps)
    print(len(ps), sum(ps), ps[-1])
    twins = [(p, p + 2) for p in ps if p + 2 in ps]
    print(twins)
    return len(sieve(5000))
