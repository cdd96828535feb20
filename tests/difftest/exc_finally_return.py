from typing import List


def f(log: List[str]) -> int:
    try:
        log.append("body")
        return 1
    finally:
        log.append("cleanup")


def g(log: List[str]) -> int:
    for i in range(5):
        try:
            if i == 2:
                break
            log.append("loop " + str(i))
        finally:
            log.append("fin " + str(i))
    return 10


def h(log: List[str]) -> str:
    try:
        raise ValueError("inner")
    except ValueError as e:
        log.append("handled " + str(e))
        return "from except"
    finally:
        log.append("finally after except")


def main() -> List[str]:
    log: List[str] = []
    print(f(log), g(log), h(log))
    print(log)
    return log
