matx::matx_script! {
class A:
    def m(self, x: int) -> int:
        return x

class B(A):
    def m(self, x: str) -> int:
        return 1
}

fn main() {}
