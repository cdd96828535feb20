matx::matx_script! {
def f() -> int:
    raise 1
}

fn main() {}
