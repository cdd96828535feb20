mod s {
    matx::matx_script!(file = "/tmp/uicases/bound_method_as_value.py");
}
fn main() {}
