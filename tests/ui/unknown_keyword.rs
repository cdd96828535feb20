matx::matx_script! {
def g(a: int = 0) -> int:
    return a

def f() -> int:
    return g(b=1)
}

fn main() {}
