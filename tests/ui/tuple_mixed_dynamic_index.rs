matx::matx_script! {
def f(i: int) -> int:
    t = (1, "a")
    x = t[i]
    return 1
}

fn main() {}
