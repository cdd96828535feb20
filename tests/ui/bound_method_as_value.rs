matx::matx_script! {
class A:
    def m(self) -> int:
        return 1

def f(a: A) -> int:
    g = a.m
    return 1
}

fn main() {}
