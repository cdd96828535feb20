matx::matx_script! {
def f[T](x: T) -> T:
    return x
}

fn main() {}
