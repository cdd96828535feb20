from typing import List


def main() -> List[str]:
    out: List[str] = []
    try:
        chr(-1)
    except ValueError as e:
        out.append(str(e))
    try:
        chr(0x110000)
    except ValueError as e:
        out.append(str(e))
    try:
        ord("ab")
    except TypeError as e:
        out.append(str(e))
    try:
        ord("")
    except TypeError as e:
        out.append(str(e))
    print(out)
    return out
