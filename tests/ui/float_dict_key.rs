matx::matx_script! {
from typing import Dict

def f(d: Dict[float, int]) -> int:
    return len(d)
}

fn main() {}
