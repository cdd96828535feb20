matx::matx_script! {
from typing import List

def f(x: List[int, str]) -> int:
    return 1
}

fn main() {}
