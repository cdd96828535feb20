matx::matx_script! {
class A:
    @cache
    def m(self) -> int:
        return 1
}

fn main() {}
