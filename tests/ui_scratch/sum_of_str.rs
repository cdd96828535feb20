mod s {
    matx::matx_script!(file = "/tmp/uicases/sum_of_str.py");
}
fn main() {}
