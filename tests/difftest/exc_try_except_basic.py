def parse(s: str) -> int:
    try:
        return int(s)
    except ValueError:
        return -1


def main() -> int:
    print(parse("12"), parse("x"), parse(""), parse("3.5"), parse(" 7 "))
    try:
        int("abc")
    except ValueError as e:
        print("ValueError:", e)
    try:
        int("")
    except ValueError as e:
        print("ValueError:", e)
    try:
        float("nope")
    except ValueError as e:
        print("ValueError:", e)
    return parse("42")
