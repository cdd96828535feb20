from typing import Any, List


def add(a: Any, b: Any) -> Any:
    return a + b


def main() -> List[Any]:
    out: List[Any] = [add(1, 2), add(1.5, 2), add("a", "b"), add([1], [2]), add(True, True), add(b"x", b"y")]
    print(out)
    x: Any = 10
    x = x * 3
    print(x, x // 4, x % 7, -x, x == 30)
    y: Any = "text"
    print(y * 2, y[::-1], y.upper())
    return out
