mod s {
    matx::matx_script!(file = "/tmp/uicases/class_inherits_itself.py");
}
fn main() {}
