mod s {
    matx::matx_script!(file = "/tmp/uicases/order_unorderable.py");
}
fn main() {}
