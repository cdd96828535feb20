matx::matx_script! {
from typing import Callable

def f() -> int:
    g: Callable[[int], int] = lambda x=1: x
    return g(2)
}

fn main() {}
