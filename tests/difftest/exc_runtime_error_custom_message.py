class Machine:
    state: str

    def __init__(self) -> None:
        self.state = "idle"

    def start(self) -> None:
        if self.state != "idle":
            raise RuntimeError(f"cannot start from state {self.state!r}")
        self.state = "running"


def main() -> str:
    m = Machine()
    m.start()
    print(m.state)
    m.start()
    return m.state
