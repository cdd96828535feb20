from typing import Dict, List, Optional


def describe(label: str, value: bool) -> None:
    print(label, "truthy" if value else "falsy")


def main() -> None:
    e: List[int] = []
    d: Dict[str, int] = {}
    n: Optional[int] = None
    describe("0", bool(0))
    describe("-1", bool(-1))
    describe("0.0", bool(0.0))
    describe("''", bool(""))
    describe("' '", bool(" "))
    describe("[]", bool(e))
    describe("[0]", bool([0]))
    describe("{}", bool(d))
    describe("None", bool(n))
    describe("b''", bool(b""))
    describe("()", bool(()))
    if not e and not d:
        print("both empty")
    x = 5
    while x:
        x -= 2 if x > 1 else 1
    print("x", x)
