mod s {
    matx::matx_script!(file = "/tmp/uicases/missing_return_annotation.py");
}
fn main() {}
