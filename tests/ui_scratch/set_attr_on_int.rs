mod s {
    matx::matx_script!(file = "/tmp/uicases/set_attr_on_int.py");
}
fn main() {}
