mod s {
    matx::matx_script!(file = "/tmp/uicases/function_defined_twice.py");
}
fn main() {}
