mod s {
    matx::matx_script!(file = "/tmp/uicases/not_callable.py");
}
fn main() {}
