mod s {
    matx::matx_script!(file = "/tmp/uicases/union_annotation.py");
}
fn main() {}
