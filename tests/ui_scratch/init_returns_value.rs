mod s {
    matx::matx_script!(file = "/tmp/uicases/init_returns_value.py");
}
fn main() {}
