class Tag:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return "<Tag " + self.name + ">"


def main() -> Tag:
    t = Tag("b")
    print(t, str(t), repr(t), [t])
    print(f"{t}")
    return t
