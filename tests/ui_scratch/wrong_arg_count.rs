mod s {
    matx::matx_script!(file = "/tmp/uicases/wrong_arg_count.py");
}
fn main() {}
