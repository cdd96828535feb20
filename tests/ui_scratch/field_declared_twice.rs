mod s {
    matx::matx_script!(file = "/tmp/uicases/field_declared_twice.py");
}
fn main() {}
