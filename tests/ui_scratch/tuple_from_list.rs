mod s {
    matx::matx_script!(file = "/tmp/uicases/tuple_from_list.py");
}
fn main() {}
