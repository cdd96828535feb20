from typing import List


def work(log: List[str]) -> int:
    try:
        log.append("working")
        return [1, 2, 3][7]
    finally:
        log.append("cleanup ran")
        print("log:", log)


def main() -> int:
    log: List[str] = []
    try:
        work(log)
    except IndexError as e:
        print("caught once:", e)
    print("second attempt")
    return work(log)
