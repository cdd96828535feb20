mod s {
    matx::matx_script!(file = "/tmp/uicases/type_arg_count.py");
}
fn main() {}
