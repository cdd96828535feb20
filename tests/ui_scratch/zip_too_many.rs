mod s {
    matx::matx_script!(file = "/tmp/uicases/zip_too_many.py");
}
fn main() {}
