//! The `matx` command-line program.
//!
//! `matx difftest DIR` compiles every Python program in DIR with
//! `matx_script!`, runs it natively and under CPython, and compares the two.
//! `matx run DIR` runs a saved pipeline on a JSON feed; `matx inspect DIR` shows its graph.

mod difftest;
mod pipeline_cmd;

use std::process::ExitCode;

const USAGE: &str = "\
usage: matx difftest DIR [--filter SUBSTR] [--keep-going] [--verbose]
       matx run DIR [--input JSON] [--device cpu]
       matx inspect DIR [--dot]
       matx --help

commands:
  run DIR        load the saved pipeline in DIR (its pipeline.json) and run it once on
                 --input, a JSON object of input name to value (default {}); print the
                 outputs as JSON (one output: its value; several: an array). Ops come from
                 matx-ops, or, when the pipeline names a native library, from that library
                 (through its C API). Errors print `error: Kind: message`, exit status 1
  inspect DIR    print the pipeline's inputs, objects, nodes, outputs, resources and
                 libraries; with --dot, a Graphviz digraph instead
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

exit status: 0 all passed (run, inspect: success), 1 some failed (run, inspect: an error),
2 usage or infrastructure error";

fn main() -> ExitCode {
    // `std::env::args` panics on an argument that is not UTF-8: refuse it as a usage error.
    let mut args: Vec<String> = Vec::new();
    for a in std::env::args_os().skip(1) {
        match a.into_string() {
            Ok(s) => args.push(s),
            Err(bad) => {
                return usage_error(&format!(
                    "argument `{}` is not UTF-8 (matx reads UTF-8 arguments and paths)",
                    bad.to_string_lossy()
                ))
            }
        }
    }
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
        Some("run") => match pipeline_cmd::RunOptions::parse(&args[1..]) {
            Ok(Some(opts)) => pipeline_cmd::run(&opts),
            Ok(None) => {
                println!("{USAGE}");
                ExitCode::SUCCESS
            }
            Err(msg) => usage_error(&msg),
        },
        Some("inspect") => match pipeline_cmd::InspectOptions::parse(&args[1..]) {
            Ok(Some(opts)) => pipeline_cmd::inspect(&opts),
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
