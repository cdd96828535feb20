mod s {
    matx::matx_script!(file = "/tmp/uicases/unknown_attribute.py");
}
fn main() {}
