mod s {
    matx::matx_script! {
        class A:
            @classmethod
            def make(cls) -> int:
                return 1
    }
}
fn main() {}
