mod s {
    matx::matx_script!(file = "/tmp/uicases/assign_wrong_type.py");
}
fn main() {}
