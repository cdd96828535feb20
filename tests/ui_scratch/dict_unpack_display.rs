mod s {
    matx::matx_script!(file = "/tmp/uicases/dict_unpack_display.py");
}
fn main() {}
