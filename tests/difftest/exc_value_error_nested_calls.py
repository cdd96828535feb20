def level3(x: int) -> int:
    if x > 2:
        raise ValueError("x too large: " + str(x) + " (limit 2)")
    return x


def level2(x: int) -> int:
    return level3(x + 1) * 10


def level1(x: int) -> int:
    total = 0
    for i in range(x):
        total += level2(i)
        print("step", i, total)
    return total


def main() -> int:
    return level1(5)
