mod s {
    matx::matx_script! {
        def g(a: int) -> int:
            return a

        def f() -> int:
            return g(b=1)
    }
}
fn main() {}
