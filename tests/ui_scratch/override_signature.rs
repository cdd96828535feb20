mod s {
    matx::matx_script!(file = "/tmp/uicases/override_signature.py");
}
fn main() {}
