matx::matx_script! {
from typing import Dict

def f(d: Dict[str, int]) -> int:
    e = {**d}
    return len(e)
}

fn main() {}
