mod s {
    matx::matx_script!(file = "/tmp/uicases/inheritance_cycle.py");
}
fn main() {}
