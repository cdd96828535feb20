matx::matx_script! {
def f() -> int:
    g = lambda x: x + 1
    return g(1)
}

fn main() {}
