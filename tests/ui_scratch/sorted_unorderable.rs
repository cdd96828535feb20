mod s {
    matx::matx_script!(file = "/tmp/uicases/sorted_unorderable.py");
}
fn main() {}
