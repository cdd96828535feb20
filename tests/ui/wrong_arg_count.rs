matx::matx_script! {
def g(a: int) -> int:
    return a

def f() -> int:
    return g(1, 2)
}

fn main() {}
