mod s {
    matx::matx_script!(file = "/tmp/uicases/nonlocal.py");
}
fn main() {}
