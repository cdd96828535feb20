mod s {
    matx::matx_script!(file = "/tmp/uicases/lambda_default.py");
}
fn main() {}
