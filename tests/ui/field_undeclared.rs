matx::matx_script! {
class A:
    def __init__(self) -> None:
        self.x = 1
}

fn main() {}
