matx::matx_script! {
class A:
    x: int

    @property
    def double(self, k: int) -> int:
        return self.x * k
}

fn main() {}
