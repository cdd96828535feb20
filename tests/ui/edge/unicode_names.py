π = 3.0


def größe(länge: int) -> int:
    ß = länge * 2
    return ß


def 名前(x: str) -> str:
    return x + "さん"


def main() -> float:
    return π + größe(2)
