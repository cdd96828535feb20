matx::matx_script! {
from typing import Dict

def g(a: int) -> int:
    return a

def f(d: Dict[str, int]) -> int:
    return g(**d)
}

fn main() {}
