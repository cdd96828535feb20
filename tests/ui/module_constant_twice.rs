matx::matx_script! {
N = 1
N = 2

def f() -> int:
    return N
}

fn main() {}
