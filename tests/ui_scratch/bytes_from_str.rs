mod s {
    matx::matx_script!(file = "/tmp/uicases/bytes_from_str.py");
}
fn main() {}
