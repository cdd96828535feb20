mod s {
    matx::matx_script!(file = "/tmp/uicases/raise_from.py");
}
fn main() {}
