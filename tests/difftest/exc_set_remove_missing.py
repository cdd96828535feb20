from typing import Set


def main() -> int:
    s: Set[str] = {"x"}
    s.remove("x")
    print(len(s))
    s.remove("y")
    return len(s)
