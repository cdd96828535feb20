mod s {
    matx::matx_script!(file = "/tmp/uicases/unknown_base_class.py");
}
fn main() {}
