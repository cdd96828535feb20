mod s {
    matx::matx_script!(file = "/tmp/uicases/math_function_as_value.py");
}
fn main() {}
