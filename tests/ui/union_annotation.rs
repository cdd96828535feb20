matx::matx_script! {
from typing import Union

def f(x: Union[int, str]) -> int:
    return 1
}

fn main() {}
