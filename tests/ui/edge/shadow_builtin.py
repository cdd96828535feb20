def len(x: int) -> int:
    return 42


def main() -> int:
    return len(1)
