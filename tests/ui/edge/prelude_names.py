class Option:
    x: int

    def __init__(self, x: int) -> None:
        self.x = x


class Some(Exception):
    pass


def Ok(x: int) -> int:
    return x


def drop(x: int) -> int:
    return x


def main() -> int:
    o = Option(3)
    try:
        raise Some("s")
    except Some:
        pass
    return Ok(o.x) + drop(1)
