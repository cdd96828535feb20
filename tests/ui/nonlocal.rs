matx::matx_script! {
def f() -> int:
    n = 1
    def g() -> int:
        nonlocal n
        return n
    return g()
}

fn main() {}
