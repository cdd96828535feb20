from typing import List


def parse_all(tokens: List[str]) -> List[int]:
    return [int(t) for t in tokens]


def main() -> int:
    good = parse_all(["1", "22", "-3"])
    print(good, sum(good))
    bad = parse_all(["4", "five", "6"])
    return sum(bad)
