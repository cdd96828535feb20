//! The main example: `text2ids.py` compiled by `matx_script!` and run natively; prints `[0, 1, 2]`.

mod text2ids {
    matx::matx_script!(file = "text2ids.py");
}

fn main() -> std::process::ExitCode {
    match text2ids::main() {
        Ok(_) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            std::process::ExitCode::FAILURE
        }
    }
}
