matx::matx_script! {
def f(n: int) -> int:
    def g(k: int) -> int:
        if k == 0:
            return 0
        return g(k - 1)
    return g(n)
}

fn main() {}
