mod s {
    matx::matx_script!(file = "/tmp/uicases/bad_import.py");
}
fn main() {}
