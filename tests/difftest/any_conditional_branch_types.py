from typing import Any

def f(x: Any) -> Any:
    return "hello" if x > 3 else x - 1

def main() -> None:
    print(f(5), f(1))
