mod s {
    matx::matx_script!(file = "/tmp/uicases/exception_class_body.py");
}
fn main() {}
