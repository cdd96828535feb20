from typing import List


def attempt(x: int, log: List[str]) -> int:
    try:
        log.append("try " + str(x))
        r = 100 // x
    except ZeroDivisionError:
        log.append("except")
        r = -1
    else:
        log.append("else")
    finally:
        log.append("finally")
    return r


def main() -> List[str]:
    log: List[str] = []
    print(attempt(5, log), attempt(0, log))
    for line in log:
        print(line)
    return log
