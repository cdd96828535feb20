mod s {
    matx::matx_script!(file = "/tmp/uicases/star_call.py");
}
fn main() {}
