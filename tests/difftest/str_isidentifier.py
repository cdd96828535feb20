from typing import List


def main() -> List[str]:
    inputs: List[str] = ["name", "_private", "__dunder__", "2fast", "naïve", "日本語", "x-y", "", "a b", "class", "ℕ", "x\u0301", "😀", "_", "Ω1", "a\u200d"]
    good: List[str] = []
    for s in inputs:
        ok = s.isidentifier()
        print(repr(s), ok)
        if ok:
            good.append(s)
    return good
