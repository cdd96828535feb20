mod s {
    matx::matx_script!(file = "/tmp/uicases/super_without_base.py");
}
fn main() {}
