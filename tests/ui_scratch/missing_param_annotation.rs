mod s {
    matx::matx_script!(file = "/tmp/uicases/missing_param_annotation.py");
}
fn main() {}
