mod s {
    matx::matx_script!(file = "/tmp/uicases/percent_mapping.py");
}
fn main() {}
