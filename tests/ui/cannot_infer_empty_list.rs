matx::matx_script! {
def f() -> int:
    xs = []
    return len(xs)
}

fn main() {}
