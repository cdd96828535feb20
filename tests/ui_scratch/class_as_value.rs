mod s {
    matx::matx_script!(file = "/tmp/uicases/class_as_value.py");
}
fn main() {}
