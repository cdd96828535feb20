mod s {
    matx::matx_script!(file = "/tmp/uicases/unsupported_builtin.py");
}
fn main() {}
