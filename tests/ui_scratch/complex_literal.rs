mod s {
    matx::matx_script!(file = "/tmp/uicases/complex_literal.py");
}
fn main() {}
