matx::matx_script! {
from typing import Dict, List

def f(d: Dict[str, int]) -> str:
    keys = d.keys()
    return str(d.items())

def ok(d: Dict[str, int]) -> List[str]:
    n = len(d.keys()) + sum(d.values())
    return [k for k, v in d.items() if "a" in d.keys()] + sorted(d.keys()) + list(d.keys())
}

fn main() {}
