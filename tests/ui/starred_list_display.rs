matx::matx_script! {
from typing import List

def f(xs: List[int]) -> int:
    ys = [*xs, 1]
    return len(ys)
}

fn main() {}
