matx::matx_script! {
from collections import OrderedDict

def f() -> int:
    return 1
}

fn main() {}
