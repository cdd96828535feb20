class Base:
    def foo(self) -> str:
        return "base"

class Mid(Base):
    def foo(self) -> str:
        return "mid"

class Son(Mid):
    def foo(self) -> str:
        return "son"
    def bar(self) -> str:
        return super(Mid, self).foo() + " " + super(Son, self).foo() + " " + super().foo()

def main() -> None:
    print(Son().bar())
