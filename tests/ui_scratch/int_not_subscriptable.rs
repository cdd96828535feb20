mod s {
    matx::matx_script!(file = "/tmp/uicases/int_not_subscriptable.py");
}
fn main() {}
