mod s {
    matx::matx_script!(file = "/tmp/uicases/annotated_two_types.py");
}
fn main() {}
