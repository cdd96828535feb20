matx::matx_script! {
from typing import List

def g(a: int, b: int) -> int:
    return a + b

def f(xs: List[int]) -> int:
    return g(*xs)
}

fn main() {}
