from typing import List


def main() -> List[str]:
    words: List[str] = ["plain", "it's", "ünï", "tab\t", "😀", "a\"b"]
    out: List[str] = []
    for w in words:
        out.append(f"{w!r}|{w!s}|{w}")
    for o in out:
        print(o)
    xs = ["one", "two"]
    print(f"{xs} {xs!r} {xs!s}")
    print(f"{'quoted'!r:>12}|{3.0!r}|{None!r}|{True!s}")
    return out
