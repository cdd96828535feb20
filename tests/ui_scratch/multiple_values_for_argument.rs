mod s {
    matx::matx_script!(file = "/tmp/uicases/multiple_values_for_argument.py");
}
fn main() {}
