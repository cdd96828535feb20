from typing import List


def main() -> List[str]:
    out: List[str] = []
    out.append(repr(int("  -12 ")))
    out.append(repr(int(-7.9)))
    out.append(repr(int(False)))
    out.append(repr(float("1e3")))
    out.append(repr(float(-3)))
    out.append(repr(str(3.0)))
    out.append(repr(str([1, "a"])))
    out.append(repr(bool("False")))
    out.append(repr(bool(0.0)))
    out.append(repr(bool([None])))
    for o in out:
        print(o)
    return out
