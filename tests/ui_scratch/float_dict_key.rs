mod s {
    matx::matx_script!(file = "/tmp/uicases/float_dict_key.py");
}
fn main() {}
