matx::matx_script! {
class A:
    def __init__(self) -> int:
        return 1
}

fn main() {}
