from typing import Any, List

class A:
    def f(self, v: int = 1, w: str = "a") -> str:
        return str(v) + w

class B(A):
    def f(self, v: int = 2, w: str = "b") -> str:
        return "B" + str(v) + w

class C(B):
    pass

class D(A):
    def f(self, v: int = 1, w: str = "d") -> str:
        return "D" + str(v) + w

def call(a: A) -> str:
    return a.f() + "," + a.f(7) + "," + a.f(w="z") + "," + a.f(v=5)

def main() -> None:
    objs: List[A] = [A(), B(), C(), D()]
    for o in objs:
        print(call(o))
    b: B = C()
    print(b.f())
