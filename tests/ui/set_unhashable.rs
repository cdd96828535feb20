matx::matx_script! {
def f() -> int:
    s = {[1, 2]}
    return len(s)
}

fn main() {}
