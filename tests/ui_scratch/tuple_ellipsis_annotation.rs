mod s {
    matx::matx_script!(file = "/tmp/uicases/tuple_ellipsis_annotation.py");
}
fn main() {}
