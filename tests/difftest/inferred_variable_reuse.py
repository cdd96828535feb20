from typing import List, Optional


def main() -> int:
    total = 0
    for x in [1, 2, 3]:
        total = total + x
    text = ""
    for c in "abc":
        text = c + text
    best: Optional[int] = None
    for v in [5, 3, 9]:
        if best is None or v > best:
            best = v
    print(total, text, best)
    acc: List[float] = []
    val = 1.0
    while val < 100:
        acc.append(val)
        val *= 3.5
    print(acc)
    return total if best is None else total + best
