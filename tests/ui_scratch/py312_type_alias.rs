mod s {
    matx::matx_script!(file = "/tmp/uicases/py312_type_alias.py");
}
fn main() {}
