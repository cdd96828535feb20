from typing import List


def log(msgs: List[str], m: str) -> None:
    msgs.append(m.upper())


def nothing() -> None:
    return


def main() -> None:
    msgs: List[str] = []
    log(msgs, "start")
    r = nothing()
    print(r)
    log(msgs, "end")
    print(msgs)
    print(log(msgs, "x"))
