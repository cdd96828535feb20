matx::matx_script! {
def f() -> int:
    raise
}

fn main() {}
