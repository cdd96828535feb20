mod s {
    matx::matx_script!(file = "/tmp/uicases/callable_keyword_arg.py");
}
fn main() {}
