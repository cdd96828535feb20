//! `matx difftest DIR`: differential testing of compiled programs against CPython.
//!
//! The flow: find the programs in DIR; start CPython on all of them (one
//! process, [`python`]) while one generated crate holding every program
//! ([`gen`]) is built, dropping programs whose compile errors are attributed
//! to them until the build succeeds ([`cargo`]); run the binary once per
//! surviving program ([`native`]); compare ([`compare`]) and print one line per
//! program and the totals.

mod cargo;
mod compare;
mod gen;
mod native;
mod process;
mod python;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Options of `matx difftest`.
#[derive(Debug, Clone)]
pub struct Options {
    pub dir: PathBuf,
    pub filters: Vec<String>,
    pub keep_going: bool,
    pub verbose: bool,
}

impl Options {
    /// Parses the arguments after `difftest`; `Ok(None)` for `--help`.
    pub fn parse(args: &[String]) -> Result<Option<Options>, String> {
        let mut dir = None;
        let mut filters = Vec::new();
        let (mut keep_going, mut verbose) = (false, false);
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "-h" | "--help" => return Ok(None),
                "--keep-going" | "-k" => keep_going = true,
                "--verbose" | "-v" => verbose = true,
                "--filter" => match it.next() {
                    Some(f) => filters.push(f.clone()),
                    None => return Err("--filter needs a value".into()),
                },
                s if s.starts_with("--filter=") => filters.push(s["--filter=".len()..].to_string()),
                s if s.starts_with('-') && s.len() > 1 => {
                    return Err(format!("unknown option `{s}`"))
                }
                s => {
                    if dir.is_some() {
                        return Err(format!("unexpected argument `{s}` (one DIR only)"));
                    }
                    dir = Some(PathBuf::from(s));
                }
            }
        }
        let dir = dir.ok_or("difftest needs a DIR")?;
        Ok(Some(Options {
            dir,
            filters,
            keep_going,
            verbose,
        }))
    }
}

/// An error of the tool or its environment, not of a program: exit status 2.
#[derive(Debug)]
pub struct Infra(pub String);

impl fmt::Display for Infra {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<E: std::error::Error> From<E> for Infra {
    fn from(e: E) -> Self {
        Infra(e.to_string())
    }
}

/// One program of the directory.
#[derive(Debug, Clone)]
pub struct Program {
    /// The file stem: what `PASS`/`FAIL` lines and the dispatcher call it.
    pub name: String,
    /// The absolute (canonical) path of the `.py` file.
    pub path: PathBuf,
    /// The file name inside DIR.
    pub file_name: String,
    /// The generated module, `p_<sanitized name>`.
    pub module: String,
}

/// Runs the command; returns the exit status.
pub fn main(opts: &Options) -> u8 {
    match run(opts) {
        Ok(true) => 0,
        Ok(false) => 1,
        Err(e) => {
            eprintln!("matx difftest: error: {e}");
            2
        }
    }
}

/// Verbose progress, to stderr.
macro_rules! note {
    ($opts:expr, $($t:tt)*) => {
        if $opts.verbose {
            eprintln!("[difftest] {}", format_args!($($t)*));
        }
    };
}
pub(crate) use note;

fn run(opts: &Options) -> Result<bool, Infra> {
    let started = Instant::now();
    let dir = std::fs::canonicalize(&opts.dir)
        .map_err(|e| Infra(format!("cannot open directory {}: {e}", opts.dir.display())))?;
    if !dir.is_dir() {
        return Err(Infra(format!("{} is not a directory", opts.dir.display())));
    }
    let programs = discover(&dir, &opts.filters, opts)?;
    if programs.is_empty() {
        return Err(Infra(format!(
            "no programs (.py files defining main()) in {}{}",
            dir.display(),
            if opts.filters.is_empty() {
                String::new()
            } else {
                format!(" matching {:?}", opts.filters)
            }
        )));
    }
    let workspace = workspace()?;
    let timeout = timeout();
    note!(
        opts,
        "{} programs in {}; workspace {}",
        programs.len(),
        dir.display(),
        workspace.display()
    );

    let gen_dir = gen::crate_dir(&workspace, &dir);
    std::fs::create_dir_all(&gen_dir)
        .map_err(|e| Infra(format!("cannot create {}: {e}", gen_dir.display())))?;

    // CPython runs in the background while cargo builds.
    let py_job = python::start(&gen_dir, &programs, timeout, opts)?;

    let build = cargo::build_all(&workspace, &dir, &gen_dir, &programs, opts)?;
    note!(
        opts,
        "build done after {:.1}s",
        started.elapsed().as_secs_f64()
    );

    let compiled: Vec<&Program> = programs
        .iter()
        .filter(|p| !build.compile_errors.contains_key(&p.name))
        .collect();
    let native = match &build.executable {
        Some(exe) if !compiled.is_empty() => native::run_all(exe, &compiled, timeout, opts),
        _ => BTreeMap::new(),
    };
    note!(
        opts,
        "native runs done after {:.1}s",
        started.elapsed().as_secs_f64()
    );

    let py = py_job.wait()?;
    note!(
        opts,
        "CPython done after {:.1}s",
        started.elapsed().as_secs_f64()
    );

    let (mut passed, mut failed) = (0usize, 0usize);
    for p in &programs {
        let verdict = if let Some(err) = build.compile_errors.get(&p.name) {
            Err((
                format!("compile error: {}", err.first_line),
                Some(err.rendered.clone()),
            ))
        } else {
            match (py.get(&p.name), native.get(&p.name)) {
                (None, _) => Err((
                    "CPython produced no result (the harness died?)".into(),
                    None,
                )),
                (_, None) => Err(("no native result".into(), None)),
                (Some(Err(py_err)), _) => Err((format!("under CPython: {py_err}"), None)),
                (Some(Ok(expected)), Some(Err(crash))) => {
                    Err((crash.summary(), Some(crash.details(expected))))
                }
                (Some(Ok(expected)), Some(Ok(actual))) => {
                    match compare::first_difference(expected, actual) {
                        None => Ok(()),
                        Some(diff) => Err((diff, Some(compare::details(expected, actual)))),
                    }
                }
            }
        };
        match verdict {
            Ok(()) => {
                passed += 1;
                println!("PASS {}", p.name);
            }
            Err((line, details)) => {
                failed += 1;
                println!("FAIL {}: {}", p.name, line);
                if opts.verbose {
                    if let Some(d) = details {
                        for l in d.lines() {
                            println!("    {l}");
                        }
                    }
                }
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    Ok(failed == 0)
}

/// The programs of `dir`: its `.py` files that define `main()` with no
/// parameters, sorted by name, narrowed by the filters.
fn discover(dir: &Path, filters: &[String], opts: &Options) -> Result<Vec<Program>, Infra> {
    let mut programs = Vec::new();
    let entries =
        std::fs::read_dir(dir).map_err(|e| Infra(format!("cannot read {}: {e}", dir.display())))?;
    for entry in entries {
        let path = entry?.path();
        let (Some(stem), Some("py")) = (
            path.file_stem().and_then(|s| s.to_str()),
            path.extension().and_then(|s| s.to_str()),
        ) else {
            continue;
        };
        if !path.is_file() {
            continue;
        }
        if !filters.is_empty() && !filters.iter().any(|f| stem.contains(f.as_str())) {
            continue;
        }
        let text = std::fs::read_to_string(&path)
            .map_err(|e| Infra(format!("cannot read {}: {e}", path.display())))?;
        if !defines_main(&text) {
            note!(opts, "skipping {}: no `def main()`", path.display());
            continue;
        }
        programs.push(Program {
            name: stem.to_string(),
            file_name: format!("{stem}.py"),
            path,
            module: String::new(),
        });
    }
    programs.sort_by(|a, b| a.name.cmp(&b.name));
    gen::assign_modules(&mut programs);
    Ok(programs)
}

/// Whether the text has a top-level `def main()` with no parameters.
fn defines_main(text: &str) -> bool {
    text.lines().any(|l| {
        l.strip_prefix("def main")
            .map(|rest| {
                rest.trim_start().starts_with('(')
                    && rest.trim_start()[1..].trim_start().starts_with(')')
            })
            .unwrap_or(false)
    })
}

/// The matx workspace: `MATX_WORKSPACE`, else the one this binary was built in.
fn workspace() -> Result<PathBuf, Infra> {
    let ws = match std::env::var_os("MATX_WORKSPACE") {
        Some(w) if !w.is_empty() => PathBuf::from(w),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join(".."),
    };
    let ws = std::fs::canonicalize(&ws).map_err(|e| {
        Infra(format!(
            "matx workspace {} not found: {e} (set MATX_WORKSPACE)",
            ws.display()
        ))
    })?;
    if !ws.join("matx").join("Cargo.toml").is_file() {
        return Err(Infra(format!(
            "{} is not the matx workspace: it has no matx/Cargo.toml (set MATX_WORKSPACE)",
            ws.display()
        )));
    }
    Ok(ws)
}

/// The per-program timeout: `MATX_DIFFTEST_TIMEOUT` seconds, default 10.
fn timeout() -> Duration {
    std::env::var("MATX_DIFFTEST_TIMEOUT")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| *s > 0.0 && s.is_finite())
        .map(Duration::from_secs_f64)
        .unwrap_or(Duration::from_secs(10))
}

/// Programs run in parallel: `MATX_DIFFTEST_JOBS`, default the core count.
fn jobs() -> usize {
    std::env::var("MATX_DIFFTEST_JOBS")
        .ok()
        .and_then(|s| s.parse::<usize>().ok())
        .filter(|n| *n > 0)
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_main() {
        assert!(defines_main("def main():\n    pass\n"));
        assert!(defines_main("x = 1\ndef main() -> int:\n    return 1\n"));
        assert!(defines_main("def main( ) -> None:\n"));
        assert!(!defines_main("def main(x: int) -> int:\n"));
        assert!(!defines_main("def mainly():\n"));
        assert!(!defines_main("    def main():\n"));
    }

    #[test]
    fn parses_options() {
        let a = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let o = Options::parse(&a(&["d", "--filter", "str_", "--verbose", "--keep-going"]))
            .unwrap()
            .unwrap();
        assert_eq!(o.dir, PathBuf::from("d"));
        assert_eq!(o.filters, vec!["str_".to_string()]);
        assert!(o.verbose && o.keep_going);
        assert!(Options::parse(&a(&["--help"])).unwrap().is_none());
        assert!(Options::parse(&a(&[])).is_err());
        assert!(Options::parse(&a(&["d", "--bogus"])).is_err());
        assert!(Options::parse(&a(&["d", "e"])).is_err());
        assert!(Options::parse(&a(&["d", "--filter"])).is_err());
    }
}
