matx::matx_script! {
from typing import List

def f(xs: List[str]) -> str:
    return sum(xs)
}

fn main() {}
