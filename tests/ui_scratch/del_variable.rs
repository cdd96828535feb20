mod s {
    matx::matx_script!(file = "/tmp/uicases/del_variable.py");
}
fn main() {}
