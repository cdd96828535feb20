matx::matx_script! {
def f(s: str) -> int:
    return abs(s)
}

fn main() {}
