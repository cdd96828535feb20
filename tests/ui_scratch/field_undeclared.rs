mod s {
    matx::matx_script!(file = "/tmp/uicases/field_undeclared.py");
}
fn main() {}
