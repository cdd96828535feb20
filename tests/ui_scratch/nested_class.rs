mod s {
    matx::matx_script!(file = "/tmp/uicases/nested_class.py");
}
fn main() {}
