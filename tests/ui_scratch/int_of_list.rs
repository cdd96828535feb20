mod s {
    matx::matx_script!(file = "/tmp/uicases/int_of_list.py");
}
fn main() {}
