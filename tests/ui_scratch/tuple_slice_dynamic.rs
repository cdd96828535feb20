mod s {
    matx::matx_script!(file = "/tmp/uicases/tuple_slice_dynamic.py");
}
fn main() {}
