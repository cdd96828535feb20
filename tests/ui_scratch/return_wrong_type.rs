mod s {
    matx::matx_script!(file = "/tmp/uicases/return_wrong_type.py");
}
fn main() {}
