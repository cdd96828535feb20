mod s {
    matx::matx_script!(file = "/tmp/uicases/starred_list_display.py");
}
fn main() {}
