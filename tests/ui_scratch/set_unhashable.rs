mod s {
    matx::matx_script!(file = "/tmp/uicases/set_unhashable.py");
}
fn main() {}
