//! `matx run DIR` and `matx inspect DIR`: a saved pipeline run on a JSON feed (in-process with matx-ops' ops, or through its native op library's C API) and its graph printed as text or Graphviz.

mod inspect;
mod native_lib;

use matx::pipeline::{Device, Graph, Session};
use std::fmt;
use std::path::PathBuf;
use std::process::ExitCode;

/// An error as the command line reports it: `error: Kind: message`, exit status 1. The
/// kind is a Python exception class name, from matx or from a native library's C API.
#[derive(Debug)]
pub struct Failure {
    text: String,
}

impl Failure {
    fn new(kind: &str, message: impl fmt::Display) -> Failure {
        Failure {
            text: format!("{kind}: {message}"),
        }
    }
    /// An error already written as `Kind: message` (a C API's `matx_last_error`).
    fn from_text(text: &str) -> Failure {
        Failure {
            text: text.to_string(),
        }
    }
}

impl From<matx::Error> for Failure {
    fn from(e: matx::Error) -> Failure {
        Failure {
            text: e.to_string(),
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Options of `matx run`.
#[derive(Debug)]
pub struct RunOptions {
    dir: PathBuf,
    /// The feed: a JSON object of input name → value.
    input: String,
    device: String,
}

/// Options of `matx inspect`.
#[derive(Debug)]
pub struct InspectOptions {
    dir: PathBuf,
    dot: bool,
}

/// The value of option `name`, given as `--name VALUE` or `--name=VALUE`.
fn option_value<'a>(
    name: &str,
    arg: &'a str,
    it: &mut impl Iterator<Item = &'a String>,
) -> Result<Option<&'a str>, String> {
    if arg == name {
        return match it.next() {
            Some(v) => Ok(Some(v)),
            None => Err(format!("{name} needs a value")),
        };
    }
    Ok(arg
        .strip_prefix(name)
        .and_then(|rest| rest.strip_prefix('=')))
}

/// The one DIR argument, or an error for a second one.
fn set_dir(dir: &mut Option<PathBuf>, arg: &str, cmd: &str) -> Result<(), String> {
    if arg.starts_with('-') && arg.len() > 1 {
        return Err(format!("unknown option `{arg}` of {cmd}"));
    }
    if dir.is_some() {
        return Err(format!("unexpected argument `{arg}` ({cmd} takes one DIR)"));
    }
    *dir = Some(PathBuf::from(arg));
    Ok(())
}

impl RunOptions {
    /// Parses the arguments after `run`; `Ok(None)` for `--help`.
    pub fn parse(args: &[String]) -> Result<Option<RunOptions>, String> {
        let (mut dir, mut input, mut device) = (None, None, None);
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if a == "-h" || a == "--help" {
                return Ok(None);
            } else if let Some(v) = option_value("--input", a, &mut it)? {
                input = Some(v.to_string());
            } else if let Some(v) = option_value("--device", a, &mut it)? {
                device = Some(v.to_string());
            } else {
                set_dir(&mut dir, a, "run")?;
            }
        }
        Ok(Some(RunOptions {
            dir: dir.ok_or("run needs a DIR")?,
            input: input.unwrap_or_else(|| "{}".to_string()),
            device: device.unwrap_or_else(|| "cpu".to_string()),
        }))
    }
}

impl InspectOptions {
    /// Parses the arguments after `inspect`; `Ok(None)` for `--help`.
    pub fn parse(args: &[String]) -> Result<Option<InspectOptions>, String> {
        let (mut dir, mut dot) = (None, false);
        for a in args {
            match a.as_str() {
                "-h" | "--help" => return Ok(None),
                "--dot" => dot = true,
                _ => set_dir(&mut dir, a, "inspect")?,
            }
        }
        Ok(Some(InspectOptions {
            dir: dir.ok_or("inspect needs a DIR")?,
            dot,
        }))
    }
}

/// Prints `error: Kind: message` and gives exit status 1.
fn report(e: Failure) -> ExitCode {
    eprintln!("error: {e}");
    ExitCode::from(1)
}

/// `matx run`: prints the outputs as JSON (one output: its value; several: an array).
pub fn run(opts: &RunOptions) -> ExitCode {
    match run_outputs(opts) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => report(e),
    }
}

/// `matx inspect`: prints the graph.
pub fn inspect(opts: &InspectOptions) -> ExitCode {
    match inspect::render(&opts.dir, opts.dot) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => report(e),
    }
}

/// The text `matx run` prints.
fn run_outputs(opts: &RunOptions) -> Result<String, Failure> {
    let graph = Graph::load(&opts.dir)?;
    // (name, absolute path), checked by `Graph::load` to lie inside the directory.
    let natives: Vec<(String, PathBuf)> = graph
        .libraries
        .iter()
        .filter_map(|l| Some((l.name.clone(), l.native_path.clone()?)))
        .collect();
    let outputs = match natives.as_slice() {
        [] => {
            let device = Device::parse(&opts.device)?;
            let registry = matx::registry::global();
            matx_ops::register_all(&mut registry.write())?;
            let session = Session::from_graph(graph, device, &registry.read())?;
            session.run_json(&opts.input)?
        }
        [(_, path)] => {
            let lib = native_lib::NativeLibrary::open(path)?;
            let session = lib.load_session(&opts.dir, &opts.device)?;
            session.run_json(&opts.input)?
        }
        several => {
            let names: Vec<&str> = several.iter().map(|(name, _)| name.as_str()).collect();
            return Err(Failure::new(
                "NotImplementedError",
                format!(
                    "the pipeline names {} native libraries ({}); each carries its own runtime, \
                     so objects cannot pass between them: build one library that registers \
                     every op",
                    several.len(),
                    names.join(", ")
                ),
            ));
        }
    };
    print_form(&outputs)
}

/// The outputs (a JSON array) as printed: the value of a single output, else the array.
fn print_form(outputs: &str) -> Result<String, Failure> {
    let value: serde_json::Value = serde_json::from_str(outputs).map_err(|e| {
        Failure::new(
            "ValueError",
            format!("the pipeline's outputs are not JSON ({e}): {outputs}"),
        )
    })?;
    let shown = match value {
        serde_json::Value::Array(mut items) if items.len() == 1 => items.remove(0),
        serde_json::Value::Array(items) => serde_json::Value::Array(items),
        other => {
            return Err(Failure::new(
                "ValueError",
                format!("the pipeline's outputs are not a JSON array: {other}"),
            ))
        }
    };
    Ok(shown.to_string())
}
