matx::matx_script! {
def g(a: int, b: int) -> int:
    return a + b

def f() -> int:
    return g(1)
}

fn main() {}
