mod s {
    matx::matx_script!(file = "/tmp/uicases/unsupported_operand.py");
}
fn main() {}
