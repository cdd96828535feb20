from typing import List


class Builder:
    parts: List[str]

    def __init__(self) -> None:
        self.parts = []

    def add(self, s: str) -> "Builder":
        self.parts.append(s)
        return self

    def build(self, sep: str = " ") -> str:
        return sep.join(self.parts)


def main() -> str:
    b = Builder().add("hello").add("wörld").add("!")
    print(b.build(), b.build(sep="-"), len(b.parts))
    b2 = b
    b2.add("more")
    print(b.build())
    return b.build("")
