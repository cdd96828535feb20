pub struct Counter(i64);

#[matx::op]
impl Counter {
    pub fn get(&self) -> i64 {
        self.0
    }
}

fn main() {}
