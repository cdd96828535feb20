mod s {
    matx::matx_script!(file = "/tmp/uicases/kwargs_param.py");
}
fn main() {}
