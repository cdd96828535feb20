mod s {
    matx::matx_script!(file = "/tmp/uicases/class_level_mutable.py");
}
fn main() {}
