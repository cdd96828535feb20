mod s {
    matx::matx_script!(file = "/tmp/uicases/with_stmt.py");
}
fn main() {}
