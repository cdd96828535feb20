from typing import List


def main() -> List[str]:
    out: List[str] = []
    for w in ["abc", "ab", "", "日本", "😀"]:
        for width in [1, 5, 6, 7]:
            out.append("[" + w.center(width) + "]")
    print(out)
    print("x".center(4, "*"), "x".center(5, "·"), "ab".ljust(6, "é"), "ab".rjust(6, "🙂"))
    print("abc".ljust(2), "abc".rjust(-1), "|" + "q".ljust(3) + "|")
    return out[:4]
