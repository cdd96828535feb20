from typing import List


def main() -> List[str]:
    out: List[str] = []
    for s in ["test_case.py", "testing", "test", "", "ÜberÜ", "py.test.py"]:
        out.append(s.removeprefix("test") + "|" + s.removesuffix(".py"))
    print(out)
    print("ÜberÜ".removeprefix("Ü"), "ÜberÜ".removesuffix("Ü"), "aaa".removeprefix("a"), "abc".removeprefix(""))
    print("😀x".removeprefix("😀"), "x😀".removesuffix("😀"))
    return out
