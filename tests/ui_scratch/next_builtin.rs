mod s {
    matx::matx_script!(file = "/tmp/uicases/next_builtin.py");
}
fn main() {}
