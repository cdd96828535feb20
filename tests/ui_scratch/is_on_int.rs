mod s {
    matx::matx_script!(file = "/tmp/uicases/is_on_int.py");
}
fn main() {}
