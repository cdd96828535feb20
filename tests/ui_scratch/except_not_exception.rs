mod s {
    matx::matx_script!(file = "/tmp/uicases/except_not_exception.py");
}
fn main() {}
