from typing import List


def main() -> List[str]:
    s = "0123456789"
    out: List[str] = [s[2:8:2], s[8:2:-2], s[::-3], s[-1:-8:-2], s[:3:-1], s[5::-1], s[1:1], s[7:3]]
    for piece in out:
        print(repr(piece))
    print(s[-20:20:4], s[20:-20:-4])
    print("ab"[::-1], ""[::-1], "x"[::5])
    return out
