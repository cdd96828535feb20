mod s {
    matx::matx_script!(file = "/tmp/uicases/unknown_type.py");
}
fn main() {}
