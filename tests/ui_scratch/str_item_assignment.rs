mod s {
    matx::matx_script!(file = "/tmp/uicases/str_item_assignment.py");
}
fn main() {}
