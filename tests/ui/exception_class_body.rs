matx::matx_script! {
class MyError(Exception):
    code: int
}

fn main() {}
