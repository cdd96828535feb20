pub mod ops {
    pub struct Counter(i64);

    #[matx::op]
    impl Counter {
        pub fn new(start: i64) -> Self {
            Counter(start)
        }
        pub fn get(&self) -> i64 {
            self.0
        }
    }
}

mod script {
    matx::matx_script!(file = "scripts/op_no_method.py", ops = [crate::ops::Counter]);
}

fn main() {}
