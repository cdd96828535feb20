matx::matx_script! {
print("hello")

def f() -> int:
    return 1
}

fn main() {}
