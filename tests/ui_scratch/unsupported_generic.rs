mod s {
    matx::matx_script!(file = "/tmp/uicases/unsupported_generic.py");
}
fn main() {}
