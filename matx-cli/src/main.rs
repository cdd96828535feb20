//! The `matx` command-line program.
fn main() {}
