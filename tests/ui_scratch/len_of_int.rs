mod s {
    matx::matx_script!(file = "/tmp/uicases/len_of_int.py");
}
fn main() {}
