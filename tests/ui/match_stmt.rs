matx::matx_script! {
def f(x: int) -> int:
    match x:
        case 1:
            return 1
        case _:
            return 2
}

fn main() {}
