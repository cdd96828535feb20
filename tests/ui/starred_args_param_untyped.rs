matx::matx_script! {
def f(*args) -> int:
    return len(args)
}

fn main() {}
