matx::matx_script! {
from typing import Callable

def f(g: Callable[[int], int]) -> int:
    return g(1, 2)
}

fn main() {}
