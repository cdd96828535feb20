mod s {
    matx::matx_script!(file = "/tmp/uicases/tuple_mixed_dynamic_index.py");
}
fn main() {}
