from typing import List


def touch(log: List[str], name: str, value: bool) -> bool:
    log.append(name)
    return value


def main() -> List[str]:
    log: List[str] = []
    r1 = touch(log, "a", False) and touch(log, "b", True)
    r2 = touch(log, "c", True) or touch(log, "d", False)
    r3 = touch(log, "e", True) and touch(log, "f", True) and touch(log, "g", False)
    r4 = not touch(log, "h", False) or touch(log, "i", True)
    print(r1, r2, r3, r4)
    print(log)
    return log
