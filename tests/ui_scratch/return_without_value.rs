mod s {
    matx::matx_script!(file = "/tmp/uicases/return_without_value.py");
}
fn main() {}
