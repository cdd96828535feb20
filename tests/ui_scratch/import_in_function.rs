mod s {
    matx::matx_script!(file = "/tmp/uicases/import_in_function.py");
}
fn main() {}
