mod s {
    matx::matx_script!(file = "/tmp/uicases/mutable_default.py");
}
fn main() {}
