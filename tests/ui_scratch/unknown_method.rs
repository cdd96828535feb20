mod s {
    matx::matx_script!(file = "/tmp/uicases/unknown_method.py");
}
fn main() {}
