from typing import Any, List


def show(x: Any) -> str:
    return repr(x)


def main() -> None:
    # Builtins declared with overloads: the argument's type picks one.
    print(abs(-3), abs(-2.5), abs(True), abs(-0.0))
    print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(7, 2.5))
    print(ord("a"), ord(b"z"), chr(97), chr(True), hex(255), oct(8), bin(5))
    # With `Any` arguments the overload is chosen at run time.
    xs: List[Any] = [-3, -2.5, True, "a", b"b"]
    print(show(abs(xs[0])), show(abs(xs[1])), show(abs(xs[2])))
    print(show(ord(xs[3])), show(ord(xs[4])))
    print(show(divmod(xs[0], 2)), show(divmod(xs[1], 2)))
    try:
        abs(xs[3])
    except TypeError:
        print("TypeError")
