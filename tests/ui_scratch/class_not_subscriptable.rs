mod s {
    matx::matx_script!(file = "/tmp/uicases/class_not_subscriptable.py");
}
fn main() {}
