def check(x: int) -> int:
    if x == 0:
        raise ValueError
    if x < 0:
        raise ValueError()
    return x


def main() -> int:
    for v in [0, -1]:
        try:
            check(v)
        except ValueError as e:
            print("caught", repr(str(e)), repr(e))
    print(check(3))
    return check(0)
