mod s {
    matx::matx_script!(file = "/tmp/uicases/call_arg_wrong_type.py");
}
fn main() {}
