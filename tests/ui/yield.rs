matx::matx_script! {
def f() -> int:
    yield 1
}

fn main() {}
