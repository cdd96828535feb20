mod s {
    matx::matx_script!(file = "/tmp/uicases/break_outside_loop.py");
}
fn main() {}
