matx::matx_script! {
def f() -> int:
    n = 1
    def g() -> None:
        n += 1
    g()
    return n
}

fn main() {}
