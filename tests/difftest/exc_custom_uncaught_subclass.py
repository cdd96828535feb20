class ParseError(ValueError):
    pass


def parse_pair(s: str) -> int:
    parts = s.split("=")
    if len(parts) != 2:
        raise ParseError(f"expected key=value, got {s!r} ({len(parts)} parts)")
    return len(parts[0]) + len(parts[1])


def main() -> int:
    total = 0
    for s in ["a=1", "bb=22", "c=3=4"]:
        total += parse_pair(s)
        print(s, total)
    return total
