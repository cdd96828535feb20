from typing import List, Set


def main() -> List[int]:
    nums: List[int] = [1, -2, 3, -3, 2, 4, -4, 0]
    abs_set = {abs(n) for n in nums}
    print(sorted(abs_set))
    evens = {n * n for n in range(10) if n % 2 == 0}
    print(sorted(evens), len(evens))
    letters = {c.lower() for c in "Hello World" if c.isalpha()}
    print(sorted(letters))
    pairs = {(a, b) for a in range(3) for b in range(3) if a < b}
    print(sorted(pairs))
    return sorted(abs_set)
