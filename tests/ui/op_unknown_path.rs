mod script {
    matx::matx_script!(file = "scripts/op_wrong_argument.py", ops = [crate::nowhere::shout]);
}

fn main() {}
