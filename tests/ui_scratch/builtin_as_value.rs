mod s {
    matx::matx_script!(file = "/tmp/uicases/builtin_as_value.py");
}
fn main() {}
