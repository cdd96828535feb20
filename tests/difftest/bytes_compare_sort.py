from typing import List


def main() -> List[bytes]:
    items: List[bytes] = [b"b", b"a", b"\xff", b"\x00", b"ab", b"", b"B", b"aa"]
    out = sorted(items)
    print(out)
    print(b"a" < b"b", b"a" < b"aa", b"\xff" > b"z", b"abc" == b"abc", b"x" != b"y")
    print(max(items), min(items))
    return out
