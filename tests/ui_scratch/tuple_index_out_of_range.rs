mod s {
    matx::matx_script!(file = "/tmp/uicases/tuple_index_out_of_range.py");
}
fn main() {}
