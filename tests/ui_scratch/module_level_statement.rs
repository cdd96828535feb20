mod s {
    matx::matx_script!(file = "/tmp/uicases/module_level_statement.py");
}
fn main() {}
