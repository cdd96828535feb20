mod s {
    matx::matx_script!(file = "ui/scripts/does_not_exist.py");
}
fn main() {}
