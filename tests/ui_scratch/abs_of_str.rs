mod s {
    matx::matx_script!(file = "/tmp/uicases/abs_of_str.py");
}
fn main() {}
