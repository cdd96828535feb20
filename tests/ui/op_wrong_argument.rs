pub mod ops {
    #[matx::op]
    pub fn shout(text: matx::Str) -> matx::Str {
        text
    }
}

mod script {
    matx::matx_script!(file = "scripts/op_wrong_argument.py", ops = [crate::ops::shout]);
}

fn main() {}
