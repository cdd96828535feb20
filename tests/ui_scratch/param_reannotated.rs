mod s {
    matx::matx_script!(file = "/tmp/uicases/param_reannotated.py");
}
fn main() {}
