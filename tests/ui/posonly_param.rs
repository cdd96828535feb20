mod s {
    matx::matx_script! {
        def f(a: int, /) -> int:
            return a
    }
}
fn main() {}
