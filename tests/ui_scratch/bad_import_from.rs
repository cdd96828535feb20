mod s {
    matx::matx_script!(file = "/tmp/uicases/bad_import_from.py");
}
fn main() {}
