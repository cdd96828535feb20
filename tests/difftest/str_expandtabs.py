from typing import List


def main() -> List[str]:
    inputs: List[str] = ["a\tb\tc", "\t", "abcdefgh\tx", "ab\tcd\nef\tg", "日本\tx", "a\r\tb", "12345678\t9"]
    out: List[str] = []
    for s in inputs:
        for size in [8, 4, 1, 0]:
            out.append(repr(s.expandtabs(size)))
    for r in out:
        print(r)
    print("a\tb".expandtabs(-3), repr("x\ty".expandtabs(3)))
    return out[:4]
