matx::matx_script! {
from typing import List

def f(xs: List[int]) -> int:
    return next(xs)
}

fn main() {}
