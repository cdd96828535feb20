mod s {
    matx::matx_script!(file = "/tmp/uicases/except_name_reuses_variable.py");
}
fn main() {}
