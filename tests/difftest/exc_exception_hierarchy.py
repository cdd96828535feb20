from typing import List


def main() -> List[str]:
    out: List[str] = []
    try:
        [1, 2][9]
    except LookupError as e:
        out.append("LookupError caught IndexError: " + str(e))
    try:
        {"a": 1}["b"]
    except LookupError as e:
        out.append("LookupError caught KeyError: " + str(e))
    try:
        1 / 0
    except ArithmeticError as e:
        out.append("ArithmeticError: " + str(e))
    try:
        int("q")
    except Exception as e:
        out.append("Exception: " + str(e))
    try:
        b"\xff".decode()
    except ValueError as e:
        out.append("ValueError caught UnicodeDecodeError")
    for o in out:
        print(o)
    return out
