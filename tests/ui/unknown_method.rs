matx::matx_script! {
from typing import List

def f(xs: List[int]) -> int:
    xs.push(1)
    return len(xs)
}

fn main() {}
