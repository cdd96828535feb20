mod s {
    matx::matx_script!(file = "/tmp/uicases/unknown_string_annotation.py");
}
fn main() {}
