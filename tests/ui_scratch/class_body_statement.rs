mod s {
    matx::matx_script!(file = "/tmp/uicases/class_body_statement.py");
}
fn main() {}
