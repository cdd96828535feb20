from typing import List


def classify(n: int) -> str:
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    for d in range(2, n):
        if d * d > n:
            break
        if n % d == 0:
            return "composite"
    if n == 1:
        return "unit"
    return "prime"


def main() -> List[str]:
    out = [classify(n) for n in [-5, 0, 1, 2, 9, 13, 25, 97]]
    print(out)
    return out
