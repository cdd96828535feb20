mod s {
    matx::matx_script!(file = "/tmp/uicases/starred_tuple_display.py");
}
fn main() {}
