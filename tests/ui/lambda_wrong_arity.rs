matx::matx_script! {
from typing import Callable

def f() -> int:
    g: Callable[[int], int] = lambda x, y: x
    return g(1)
}

fn main() {}
