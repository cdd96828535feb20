matx::matx_script! {
from typing import Dict

def f(a: Dict[int, int], b: Dict[int, int]) -> bool:
    return a < b
}

fn main() {}
