matx::matx_script! {
from typing import List

def f(xs: List[int]) -> int:
    t = (*xs, 1)
    return 1
}

fn main() {}
