matx::matx_script! {
from typing import Dict, List

def f(xs: List[Dict[int, int]]) -> int:
    ys = sorted(xs)
    return len(ys)
}

fn main() {}
