mod s {
    matx::matx_script!(file = "/tmp/uicases/bare_raise_outside_except.py");
}
fn main() {}
