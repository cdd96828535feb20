mod s {
    matx::matx_script!(file = "/tmp/uicases/int_literal_too_big.py");
}
fn main() {}
