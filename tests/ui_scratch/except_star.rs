mod s {
    matx::matx_script!(file = "/tmp/uicases/except_star.py");
}
fn main() {}
