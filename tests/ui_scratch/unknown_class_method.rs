mod s {
    matx::matx_script!(file = "/tmp/uicases/unknown_class_method.py");
}
fn main() {}
