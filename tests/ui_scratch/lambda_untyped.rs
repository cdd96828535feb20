mod s {
    matx::matx_script!(file = "/tmp/uicases/lambda_untyped.py");
}
fn main() {}
