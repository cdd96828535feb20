matx::matx_script! {
def f() -> int:
    return "a"
}

fn main() {}
