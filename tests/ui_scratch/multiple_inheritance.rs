mod s {
    matx::matx_script!(file = "/tmp/uicases/multiple_inheritance.py");
}
fn main() {}
