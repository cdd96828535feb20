mod s {
    matx::matx_script!(file = "/tmp/uicases/unpack_count_mismatch.py");
}
fn main() {}
