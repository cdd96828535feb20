from typing import List


def main() -> List[str]:
    inputs: List[str] = ["Hello World", "they're bill's friends", "ßa ßB", "ǆ ǅ Ǆ", "hello-world foo_bar", "ΑΒΓ αβγ", "ﬁ ﬂ", "x1y2 z3", "αλφα ΒΗΤΑ", "o'neil mcdonald"]
    out: List[str] = []
    for s in inputs:
        print(repr(s.swapcase()), repr(s.title()), s.istitle(), s.title().istitle())
        out.append(s.title())
    return out
