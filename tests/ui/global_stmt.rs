matx::matx_script! {
N = 1

def f() -> int:
    global N
    return N
}

fn main() {}
