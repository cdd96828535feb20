mod s {
    matx::matx_script!(file = "/tmp/uicases/yield.py");
}
fn main() {}
