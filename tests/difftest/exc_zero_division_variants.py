from typing import List


def main() -> List[str]:
    out: List[str] = []
    cases = [(1, 0), (5, 0), (0, 0)]
    for a, b in cases:
        try:
            out.append(str(a // b))
        except ZeroDivisionError as e:
            out.append("// " + str(e))
        try:
            out.append(str(a % b))
        except ZeroDivisionError as e:
            out.append("% " + str(e))
        try:
            out.append(str(a / b))
        except ZeroDivisionError as e:
            out.append("/ " + str(e))
    try:
        print(1.0 / 0.0)
    except ZeroDivisionError as e:
        out.append("float / " + str(e))
    try:
        print(divmod(1, 0))
    except ZeroDivisionError as e:
        out.append("divmod " + str(e))
    for o in out:
        print(o)
    return out
