mod s {
    matx::matx_script!(file = "/tmp/uicases/kwargs_call.py");
}
fn main() {}
