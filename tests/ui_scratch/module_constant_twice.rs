mod s {
    matx::matx_script!(file = "/tmp/uicases/module_constant_twice.py");
}
fn main() {}
