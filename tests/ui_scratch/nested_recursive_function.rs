mod s {
    matx::matx_script!(file = "/tmp/uicases/nested_recursive_function.py");
}
fn main() {}
