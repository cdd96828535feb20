#[matx::op]
pub fn count_lines(files: matx::List<matx::Resource>) -> i64 {
    files.len() as i64
}

fn main() {}
