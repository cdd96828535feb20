//! Runs the compiled `text2ids.py` natively: prints `[0, 1, 2]`.

fn main() -> std::process::ExitCode {
    match text2ids::script::main() {
        Ok(_) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            std::process::ExitCode::FAILURE
        }
    }
}
