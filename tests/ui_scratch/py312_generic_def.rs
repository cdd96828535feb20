mod s {
    matx::matx_script!(file = "/tmp/uicases/py312_generic_def.py");
}
fn main() {}
