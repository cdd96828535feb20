mod s {
    matx::matx_script!(file = "/tmp/uicases/unary_on_str.py");
}
fn main() {}
