matx::matx_script! {
from typing import List, Tuple

def f(xs: List[int]) -> Tuple[int, int]:
    return tuple(xs)
}

fn main() {}
