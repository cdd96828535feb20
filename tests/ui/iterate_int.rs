matx::matx_script! {
def f(n: int) -> int:
    t = 0
    for i in n:
        t += i
    return t
}

fn main() {}
