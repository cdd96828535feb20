mod s {
    matx::matx_script!(file = "/tmp/uicases/in_on_int.py");
}
fn main() {}
