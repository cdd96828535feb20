mod s {
    matx::matx_script!(file = "/tmp/uicases/missing_return.py");
}
fn main() {}
