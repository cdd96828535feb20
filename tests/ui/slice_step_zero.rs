mod s {
    matx::matx_script! {
        from typing import List

        def f(xs: List[int]) -> List[int]:
            return xs[::0]
    }
}
fn main() {}
