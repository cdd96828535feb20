from typing import List


def collatz(n: int) -> List[int]:
    seq = [n]
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        seq.append(n)
    return seq


def main() -> int:
    s = collatz(27)
    print(len(s), max(s), s[:8], s[-4:])
    longest = 0
    best = 0
    for start in range(1, 30):
        L = len(collatz(start))
        if L > longest:
            longest = L
            best = start
    print(best, longest)
    return longest
