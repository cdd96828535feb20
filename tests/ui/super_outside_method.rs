matx::matx_script! {
def f() -> int:
    return super().g()
}

fn main() {}
