mod s {
    matx::matx_script!(file = "/tmp/uicases/lambda_wrong_arity.py");
}
fn main() {}
