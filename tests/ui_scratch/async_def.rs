mod s {
    matx::matx_script!(file = "/tmp/uicases/async_def.py");
}
fn main() {}
