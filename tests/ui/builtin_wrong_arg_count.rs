matx::matx_script! {
def f() -> int:
    return len([1], [2])
}

fn main() {}
