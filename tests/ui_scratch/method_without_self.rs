mod s {
    matx::matx_script!(file = "/tmp/uicases/method_without_self.py");
}
fn main() {}
