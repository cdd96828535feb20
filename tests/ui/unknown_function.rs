matx::matx_script! {
def f() -> int:
    return frobnicate(1)
}

fn main() {}
