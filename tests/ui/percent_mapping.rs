matx::matx_script! {
from typing import Dict

def f(d: Dict[str, int]) -> str:
    return "%(a)s" % d
}

fn main() {}
