matx::matx_script! {
from typing import List

def f(a: List[int]) -> int:
    n = 0
    for x in zip(a, a, a, a, a):
        n += 1
    return n
}

fn main() {}
