mod s {
    matx::matx_script!(file = "/tmp/uicases/unknown_name.py");
}
fn main() {}
