matx::matx_script! {
from typing import Callable

def f(g: Callable[[int], int]) -> int:
    return g(x=1)
}

fn main() {}
