mod s {
    matx::matx_script!(file = "/tmp/uicases/callable_wrong_arg_count.py");
}
fn main() {}
