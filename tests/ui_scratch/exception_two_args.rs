mod s {
    matx::matx_script!(file = "/tmp/uicases/exception_two_args.py");
}
fn main() {}
