mod s {
    matx::matx_script!(file = "/tmp/uicases/method_on_wrong_type.py");
}
fn main() {}
