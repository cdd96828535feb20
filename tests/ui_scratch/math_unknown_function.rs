mod s {
    matx::matx_script!(file = "/tmp/uicases/math_unknown_function.py");
}
fn main() {}
