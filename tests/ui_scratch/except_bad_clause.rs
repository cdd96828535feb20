mod s {
    matx::matx_script!(file = "/tmp/uicases/except_bad_clause.py");
}
fn main() {}
