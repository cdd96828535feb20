matx::matx_script! {
def f() -> int:
    t = (1, 2)
    return t[2]
}

fn main() {}
