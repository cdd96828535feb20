mod s {
    matx::matx_script!(file = "/tmp/uicases/cannot_infer_empty_list.py");
}
fn main() {}
