mod s {
    matx::matx_script!(file = "/tmp/uicases/super_outside_method.py");
}
fn main() {}
