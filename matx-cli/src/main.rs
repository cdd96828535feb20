//! The `matx` command-line program.
//!
//! `matx difftest DIR` compiles every Python program in DIR with
//! `matx_script!`, runs it natively and under CPython, and compares the two.

mod difftest;

use std::process::ExitCode;

const USAGE: &str = "\
usage: matx difftest DIR [--filter SUBSTR] [--keep-going] [--verbose]
       matx --help

commands:
  difftest DIR   compile every program (a .py file defining main()) in DIR with
                 matx_script!, run main() natively and under python3, and compare
                 stdout, repr() of the return value and any uncaught exception

difftest options:
  --filter SUBSTR  only programs whose name contains SUBSTR (repeatable: any of them)
  --keep-going     when the build fails with errors that cannot be attributed to a
                   program, report every remaining program as failed instead of
                   stopping with exit status 2
  --verbose, -v    show cargo's progress, full compile errors and full outputs

environment:
  MATX_WORKSPACE           the matx workspace (default: the one this binary was built in)
  MATX_PYTHON              the CPython interpreter (default: python3 from PATH)
  MATX_DIFFTEST_TIMEOUT    per-program timeout in seconds (default: 10)
  MATX_DIFFTEST_JOBS       programs run in parallel (default: the number of cores)

exit status: 0 all passed, 1 some failed, 2 usage or infrastructure error";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("difftest") => match difftest::Options::parse(&args[1..]) {
            Ok(Some(opts)) => ExitCode::from(difftest::main(&opts)),
            Ok(None) => {
                println!("{USAGE}");
                ExitCode::SUCCESS
            }
            Err(msg) => usage_error(&msg),
        },
        Some(other) => usage_error(&format!("unknown command `{other}`")),
        None => usage_error("missing command"),
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("matx: {msg}\n\n{USAGE}");
    ExitCode::from(2)
}
