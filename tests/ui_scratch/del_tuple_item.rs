mod s {
    matx::matx_script!(file = "/tmp/uicases/del_tuple_item.py");
}
fn main() {}
