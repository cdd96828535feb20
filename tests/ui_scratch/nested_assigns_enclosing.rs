mod s {
    matx::matx_script!(file = "/tmp/uicases/nested_assigns_enclosing.py");
}
fn main() {}
