mod s {
    matx::matx_script!(file = "/tmp/uicases/walrus.py");
}
fn main() {}
