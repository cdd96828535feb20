mod s {
    matx::matx_script!(file = "/tmp/uicases/iterate_int.py");
}
fn main() {}
