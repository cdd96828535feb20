mod s {
    matx::matx_script!(file = "/tmp/uicases/syntax_error.py");
}
fn main() {}
