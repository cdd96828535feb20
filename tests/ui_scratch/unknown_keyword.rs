mod s {
    matx::matx_script!(file = "/tmp/uicases/unknown_keyword.py");
}
fn main() {}
