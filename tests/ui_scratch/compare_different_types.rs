mod s {
    matx::matx_script!(file = "/tmp/uicases/compare_different_types.py");
}
fn main() {}
