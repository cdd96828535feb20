from typing import List


def inner(x: int) -> int:
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x * 2


def middle(x: int, log: List[str]) -> int:
    try:
        return inner(x)
    except ValueError:
        log.append("middle saw it")
        raise


def main() -> List[str]:
    log: List[str] = []
    print(middle(3, log))
    try:
        middle(-4, log)
    except ValueError as e:
        log.append("main caught: " + str(e))
    print(log)
    return log
