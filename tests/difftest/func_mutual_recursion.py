def is_even(n: int) -> bool:
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n: int) -> bool:
    if n == 0:
        return False
    return is_even(n - 1)


def main() -> bool:
    print([is_even(i) for i in range(6)])
    print(is_odd(7), is_even(100))
    return is_even(31)
