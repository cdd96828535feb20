matx::matx_script! {
class A:
    def m(self) -> int:
        return super().m()
}

fn main() {}
