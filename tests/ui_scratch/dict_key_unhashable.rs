mod s {
    matx::matx_script!(file = "/tmp/uicases/dict_key_unhashable.py");
}
fn main() {}
