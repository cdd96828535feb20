from typing import List


def main() -> bytes:
    samples: List[str] = ["abc", "é", "ß", "日本", "😀", "\u0000", "a\u0301", "\U0010ffff"]
    for s in samples:
        b = s.encode()
        print(repr(s), b, len(b), list(b))
    print("héllo".encode("utf-8"), "x".encode("ascii"))
    total = b""
    for s in samples[:5]:
        total += s.encode("utf-8")
    print(total, total.decode())
    return total
