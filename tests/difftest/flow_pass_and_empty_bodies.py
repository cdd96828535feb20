from typing import List


class Empty:
    pass


def noop() -> None:
    pass


def main() -> List[int]:
    out: List[int] = []
    for i in range(5):
        if i % 2:
            pass
        else:
            out.append(i)
    noop()
    e = Empty()
    print(out, e is not None)
    while False:
        pass
    return out
