from typing import List


def main() -> List[str]:
    s = "  \t hello world \n\u3000"
    out: List[str] = [s.strip(), s.lstrip(), s.rstrip()]
    print([repr(x) for x in out])
    print(repr("xxhixx".strip("x")), repr("abcba".strip("ab")), repr("..a.b..".lstrip(".")), repr("..a.b..".rstrip(".")))
    print(repr("ßßaß".strip("ß")), repr("😀x😀".strip("😀")), repr("   ".strip()), repr("".strip("a")))
    print(repr("\u00a0\u2003x\u2009".strip()), repr("\x1c\x1dy\x1e\x1f".strip()))
    print(repr("abc".strip("")), repr("aaa".lstrip("a")))
    return out
