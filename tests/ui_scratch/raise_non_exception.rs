mod s {
    matx::matx_script!(file = "/tmp/uicases/raise_non_exception.py");
}
fn main() {}
