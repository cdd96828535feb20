mod s {
    matx::matx_script!(file = "/tmp/uicases/unknown_function.py");
}
fn main() {}
