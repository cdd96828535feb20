mod s {
    matx::matx_script!(file = "/tmp/uicases/match_stmt.py");
}
fn main() {}
