matx::matx_script! {
from typing import List

class A:
    xs: List[int] = []
}

fn main() {}
