mod s {
    matx::matx_script!(file = "/tmp/uicases/unsupported_decorator.py");
}
fn main() {}
