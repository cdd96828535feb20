mod s {
    matx::matx_script!(file = "/tmp/uicases/union_pipe_annotation.py");
}
fn main() {}
