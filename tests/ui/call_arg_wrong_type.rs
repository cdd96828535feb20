matx::matx_script! {
def g(a: int) -> int:
    return a

def f() -> int:
    return g("a")
}

fn main() {}
