mod s {
    matx::matx_script!(file = "/tmp/uicases/property_with_params.py");
}
fn main() {}
