mod s {
    matx::matx_script!(file = "/tmp/uicases/global_stmt.py");
}
fn main() {}
