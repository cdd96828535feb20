matx::matx_script! {
def f() -> int:
    x = 1j
    return 1
}

fn main() {}
