matx::matx_script! {
type Num = int

def f(x: int) -> int:
    return x
}

fn main() {}
