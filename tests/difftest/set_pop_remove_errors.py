from typing import Set


def main() -> int:
    s: Set[int] = {42}
    print(s.pop(), len(s))
    try:
        s.pop()
    except KeyError as e:
        print("KeyError:", e)
    try:
        s.remove(5)
    except KeyError as e:
        print("KeyError:", e)
    words: Set[str] = set()
    try:
        words.remove("missing")
    except KeyError as e:
        print("KeyError:", e)
    return len(s)
