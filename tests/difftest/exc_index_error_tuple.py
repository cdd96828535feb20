from typing import Tuple


def main() -> int:
    t: Tuple[int, int, int] = (1, 2, 3)
    i = 0
    total = 0
    while True:
        total += t[i]
        print("sum so far", total)
        i += 1
        if i > 10:
            break
    return total
