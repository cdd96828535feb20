from typing import List


class A:
    log: List[str]

    def __init__(self) -> None:
        self.log = ["A.init"]

    def who(self) -> str:
        return "A"

    def chain(self) -> str:
        return "A"


class B(A):
    def __init__(self) -> None:
        super().__init__()
        self.log.append("B.init")

    def chain(self) -> str:
        return "B>" + super().chain()


class C(B):
    def __init__(self) -> None:
        super().__init__()
        self.log.append("C.init")

    def who(self) -> str:
        return "C"

    def chain(self) -> str:
        return "C>" + super().chain()


def main() -> List[str]:
    c = C()
    print(c.log, c.who(), c.chain())
    b = B()
    print(b.log, b.who(), b.chain())
    items: List[A] = [A(), b, c]
    print([x.chain() for x in items])
    return c.log
