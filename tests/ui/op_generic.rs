#[matx::op]
pub fn first<T: Clone>(x: matx::List<T>) -> i64 {
    x.len() as i64
}

fn main() {}
