mod s {
    matx::matx_script!(file = "/tmp/uicases/missing_argument.py");
}
fn main() {}
