mod s {
    matx::matx_script!(file = "/tmp/uicases/isinstance_not_a_type.py");
}
fn main() {}
