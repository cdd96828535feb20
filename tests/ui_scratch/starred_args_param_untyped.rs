mod s {
    matx::matx_script!(file = "/tmp/uicases/starred_args_param_untyped.py");
}
fn main() {}
