mod s {
    matx::matx_script!(file = "/tmp/uicases/builtin_wrong_arg_count.py");
}
fn main() {}
