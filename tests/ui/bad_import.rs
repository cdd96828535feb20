matx::matx_script! {
import os

def f() -> int:
    return 1
}

fn main() {}
