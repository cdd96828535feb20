from typing import List, Tuple


def to_roman(n: int) -> str:
    table: List[Tuple[int, str]] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, sym in table:
        while n >= value:
            out += sym
            n -= value
    return out


def from_roman(s: str) -> int:
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, c in enumerate(s):
        v = vals[c]
        if i + 1 < len(s) and vals[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


def main() -> List[str]:
    nums = [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]
    out = [to_roman(n) for n in nums]
    print(out)
    print([from_roman(r) for r in out] == nums)
    return out
