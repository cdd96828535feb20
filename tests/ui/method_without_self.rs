matx::matx_script! {
class A:
    def m() -> int:
        return 1
}

fn main() {}
