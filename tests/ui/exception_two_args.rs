matx::matx_script! {
def f() -> int:
    raise ValueError("a", "b")
}

fn main() {}
