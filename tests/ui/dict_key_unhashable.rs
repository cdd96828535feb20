matx::matx_script! {
def f() -> int:
    d = {[1]: 2}
    return len(d)
}

fn main() {}
