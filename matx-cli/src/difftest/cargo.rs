//! Building the generated crate with cargo and attributing compile errors to
//! programs.
//!
//! Cargo runs with `--message-format=json` and `CARGO_TARGET_DIR=<workspace>/target`.
//! A failed build's errors are attributed to programs — by the
//! `<path>.py:LINE:COL: ` prefix the macro puts on script errors, else by the
//! line of the generated main.rs the error (or the macro call it expands
//! from) points at — and the crate is rebuilt without those programs until it
//! builds or no program is left.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

use super::gen::{self, MainRs};
use super::{note, Infra, Options, Program};

/// A program's compile error, as reported.
#[derive(Debug, Clone)]
pub struct CompileError {
    /// The first line of the first error's message (paths under DIR shortened).
    pub first_line: String,
    /// Every error attributed to the program, as rustc renders them.
    pub rendered: String,
}

/// What building the directory gave.
#[derive(Debug)]
pub struct BuildResult {
    /// The binary holding every program that compiled (None if none did).
    pub executable: Option<PathBuf>,
    /// Programs that did not compile, by name.
    pub compile_errors: BTreeMap<String, CompileError>,
}

/// One `error`-level compiler diagnostic of the generated package.
#[derive(Debug, Clone)]
pub struct Diag {
    pub message: String,
    pub rendered: String,
    /// Primary spans' (file, line) first, then the macro call sites they
    /// expand from, then every other span (children included).
    pub locations: Vec<(String, usize)>,
}

/// One cargo build.
#[derive(Debug)]
struct Build {
    success: bool,
    executable: Option<PathBuf>,
    errors: Vec<Diag>,
    stderr: String,
}

/// Builds the crate for `programs`, dropping programs with compile errors
/// until the rest builds.
pub fn build_all(
    workspace: &Path,
    dir: &Path,
    gen_dir: &Path,
    programs: &[Program],
    opts: &Options,
) -> Result<BuildResult, Infra> {
    let manifest = gen::write_manifest(gen_dir, workspace, dir)?;
    let target_dir = workspace.join("target");
    let mut remaining: Vec<&Program> = programs.iter().collect();
    let mut compile_errors = BTreeMap::new();
    let mut round = 0;
    while !remaining.is_empty() {
        round += 1;
        let main_rs = gen::render_main(dir, &remaining);
        gen::write_if_changed(&gen_dir.join("src").join("main.rs"), &main_rs.text)?;
        note!(opts, "build round {round}: {} programs", remaining.len());
        let build = cargo_build(&manifest, &target_dir, opts)?;
        if build.success {
            let exe = build.executable.ok_or_else(|| {
                Infra("cargo built the generated crate but reported no executable".into())
            })?;
            return Ok(BuildResult {
                executable: Some(exe),
                compile_errors,
            });
        }
        let mut failing: BTreeMap<usize, Vec<&Diag>> = BTreeMap::new();
        let mut unattributed = Vec::new();
        for d in &build.errors {
            match attribute(d, dir, gen_dir, &remaining, &main_rs) {
                Some(i) => failing.entry(i).or_default().push(d),
                None => unattributed.push(d),
            }
        }
        if failing.is_empty() {
            let what = match unattributed.first() {
                Some(d) => d.rendered.trim_end().to_string(),
                None => format!(
                    "cargo failed without a compiler error:\n{}",
                    tail(&build.stderr, 40)
                ),
            };
            if !opts.keep_going {
                return Err(Infra(format!(
                    "the generated crate {} failed to build with an error no program can be blamed for \
                     (rerun with --keep-going to report every program as failed):\n{what}",
                    gen_dir.display()
                )));
            }
            let first = what.lines().next().unwrap_or("build failed").to_string();
            for p in &remaining {
                compile_errors.insert(
                    p.name.clone(),
                    CompileError {
                        first_line: format!("(not attributed) {first}"),
                        rendered: what.clone(),
                    },
                );
            }
            return Ok(BuildResult {
                executable: None,
                compile_errors,
            });
        }
        for (i, diags) in &failing {
            let p = remaining[*i];
            note!(
                opts,
                "  {} failed to compile: {}",
                p.name,
                diags[0].message.lines().next().unwrap_or("")
            );
            let rendered = diags
                .iter()
                .map(|d| d.rendered.trim_end())
                .collect::<Vec<_>>()
                .join("\n");
            let first_line = shorten(diags[0].message.lines().next().unwrap_or("").trim(), dir);
            compile_errors.insert(
                p.name.clone(),
                CompileError {
                    first_line,
                    rendered,
                },
            );
        }
        let mut index = 0;
        remaining.retain(|_| {
            let keep = !failing.contains_key(&index);
            index += 1;
            keep
        });
    }
    Ok(BuildResult {
        executable: None,
        compile_errors,
    })
}

/// `cargo build --message-format=json` of the generated crate.
fn cargo_build(manifest: &Path, target_dir: &Path, opts: &Options) -> Result<Build, Infra> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(&cargo);
    cmd.arg("build")
        .arg("--message-format=json")
        .arg("--manifest-path")
        .arg(manifest)
        .env("CARGO_TARGET_DIR", target_dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(if opts.verbose {
            Stdio::inherit()
        } else {
            Stdio::piped()
        });
    let out = cmd.output().map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Infra(format!(
                "cargo not found ({}): install Rust or set CARGO",
                cargo.to_string_lossy()
            ))
        } else {
            Infra(format!("cannot run cargo: {e}"))
        }
    })?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut build = parse_messages(&stdout, manifest);
    build.success = build.success && out.status.success();
    build.stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    Ok(build)
}

/// Parses cargo's JSON lines: the generated package's errors and executable.
fn parse_messages(stdout: &str, manifest: &Path) -> Build {
    let mut build = Build {
        success: false,
        executable: None,
        errors: Vec::new(),
        stderr: String::new(),
    };
    for line in stdout.lines() {
        let Ok(msg) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let manifest_matches = msg["manifest_path"]
            .as_str()
            .map(|m| Path::new(m) == manifest);
        match msg["reason"].as_str() {
            Some("build-finished") => build.success = msg["success"].as_bool().unwrap_or(false),
            Some("compiler-artifact") if manifest_matches == Some(true) => {
                if let Some(exe) = msg["executable"].as_str() {
                    build.executable = Some(PathBuf::from(exe));
                }
            }
            Some("compiler-message") => {
                let m = &msg["message"];
                if m["level"].as_str() != Some("error") {
                    continue;
                }
                let message = m["message"].as_str().unwrap_or("").to_string();
                if m["spans"].as_array().is_none_or(|s| s.is_empty())
                    && (message.starts_with("aborting due to")
                        || message.starts_with("could not compile"))
                {
                    continue;
                }
                let mut primary = Vec::new();
                let mut expansions = Vec::new();
                let mut others = Vec::new();
                collect_spans(m, true, &mut primary, &mut expansions, &mut others);
                let mut locations = primary;
                locations.extend(expansions);
                locations.extend(others);
                // An error of another package (the runtime) keeps only its
                // locations; it cannot be attributed by a path under src/.
                let rendered = m["rendered"].as_str().unwrap_or(&message).to_string();
                let ours = manifest_matches.unwrap_or(true);
                if !ours {
                    build.errors.push(Diag {
                        message,
                        rendered,
                        locations: Vec::new(),
                    });
                    continue;
                }
                build.errors.push(Diag {
                    message,
                    rendered,
                    locations,
                });
            }
            _ => {}
        }
    }
    build
}

fn collect_spans(
    m: &Value,
    top: bool,
    primary: &mut Vec<(String, usize)>,
    expansions: &mut Vec<(String, usize)>,
    others: &mut Vec<(String, usize)>,
) {
    for span in m["spans"].as_array().into_iter().flatten() {
        let is_primary = top && span["is_primary"].as_bool().unwrap_or(false);
        if let Some(loc) = location(span) {
            if is_primary {
                primary.push(loc)
            } else {
                others.push(loc)
            }
        }
        let mut exp = &span["expansion"];
        while exp.is_object() {
            if let Some(loc) = location(&exp["span"]) {
                expansions.push(loc);
            }
            exp = &exp["span"]["expansion"];
        }
    }
    for child in m["children"].as_array().into_iter().flatten() {
        collect_spans(child, false, primary, expansions, others);
    }
}

fn location(span: &Value) -> Option<(String, usize)> {
    Some((
        span["file_name"].as_str()?.to_string(),
        span["line_start"].as_u64()? as usize,
    ))
}

/// The program (index into `programs`) a diagnostic belongs to.
pub fn attribute(
    d: &Diag,
    dir: &Path,
    gen_dir: &Path,
    programs: &[&Program],
    main_rs: &MainRs,
) -> Option<usize> {
    by_script_path(&d.message, dir, programs).or_else(|| {
        let main = gen_dir.join("src").join("main.rs");
        d.locations.iter().find_map(|(file, line)| {
            let f = Path::new(file);
            let f = if f.is_absolute() {
                f.to_path_buf()
            } else {
                gen_dir.join(f)
            };
            if f == main {
                return main_rs.program_at(*line);
            }
            // A location in the script itself or a file named after it
            // (`x.py`, `x.py.rs`).
            let f = f.to_string_lossy();
            programs.iter().position(|p| {
                let p = p.path.to_string_lossy();
                f.strip_prefix(p.as_ref())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
            })
        })
    })
}

/// Attribution by the `<path>.py:LINE:COL: ` prefix of a script error.
fn by_script_path(message: &str, dir: &Path, programs: &[&Program]) -> Option<usize> {
    let first = message.lines().next()?;
    let mut search = 0;
    while let Some(off) = first[search..].find(".py:") {
        let end = search + off + 3;
        let rest = &first[end + 1..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            let path_text =
                first[..end].trim_start_matches(|c: char| c.is_whitespace() || c == '`');
            let path = Path::new(path_text);
            let full = if path.is_absolute() {
                path.to_path_buf()
            } else {
                dir.join(path)
            };
            let full = std::fs::canonicalize(&full).unwrap_or(full);
            if let Some(i) = programs.iter().position(|p| p.path == full) {
                return Some(i);
            }
            let name = path.file_name().and_then(|s| s.to_str());
            let mut matches = programs
                .iter()
                .enumerate()
                .filter(|(_, p)| Some(p.file_name.as_str()) == name);
            if let (Some((i, _)), None) = (matches.next(), matches.next()) {
                return Some(i);
            }
        }
        search = end;
    }
    None
}

/// Shows paths under DIR relative to it.
fn shorten(line: &str, dir: &Path) -> String {
    let prefix = format!("{}/", dir.display());
    line.replace(&prefix, "")
}

/// The last `n` lines of `s`.
pub fn tail(s: &str, n: usize) -> String {
    let lines: Vec<&str> = s.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn progs(dir: &Path, names: &[&str]) -> Vec<Program> {
        let mut v: Vec<Program> = names
            .iter()
            .map(|n| Program {
                name: n.to_string(),
                path: dir.join(format!("{n}.py")),
                file_name: format!("{n}.py"),
                module: String::new(),
            })
            .collect();
        gen::assign_modules(&mut v);
        v
    }

    #[test]
    fn attributes_by_script_path() {
        let dir = Path::new("/nonexistent/d");
        let ps = progs(dir, &["a", "b"]);
        let refs: Vec<&Program> = ps.iter().collect();
        assert_eq!(
            by_script_path(
                "/nonexistent/d/b.py:3:7: `yield` is not supported",
                dir,
                &refs
            ),
            Some(1)
        );
        assert_eq!(by_script_path("a.py:1:1: bad", dir, &refs), Some(0));
        assert_eq!(by_script_path("mismatched types", dir, &refs), None);
        assert_eq!(by_script_path("c.py:1:1: other file", dir, &refs), None);
        assert_eq!(by_script_path("see foo.py: a.py:2:3: x", dir, &refs), None);
    }

    #[test]
    fn attributes_by_main_rs_line_through_expansions() {
        let dir = Path::new("/nonexistent/d");
        let gen_dir = Path::new("/nonexistent/gen");
        let ps = progs(dir, &["a", "b"]);
        let refs: Vec<&Program> = ps.iter().collect();
        let main_rs = gen::render_main(dir, &refs);
        let line_of = |needle: &str| {
            main_rs
                .text
                .lines()
                .position(|l| l.contains(needle))
                .unwrap()
                + 1
        };
        let b_mod = line_of("mod p_b");
        let json = format!(
            r#"{{"reason":"compiler-message","manifest_path":"/nonexistent/gen/Cargo.toml","message":{{
            "message":"mismatched types","level":"error","rendered":"error[E0308]: mismatched types",
            "spans":[{{"file_name":"/nonexistent/matx/src/macros.rs","line_start":1,"is_primary":true,
              "expansion":{{"span":{{"file_name":"src/main.rs","line_start":{b_mod},"expansion":null}}}}}}],
            "children":[]}}}}"#
        )
        .replace('\n', " ");
        let build = parse_messages(&json, &gen_dir.join("Cargo.toml"));
        assert_eq!(build.errors.len(), 1);
        assert_eq!(
            attribute(&build.errors[0], dir, gen_dir, &refs, &main_rs),
            Some(1)
        );
        let a_arm = line_of("p_a::main");
        let json2 = json.replace(
            &format!("\"line_start\":{b_mod}"),
            &format!("\"line_start\":{a_arm}"),
        );
        let build = parse_messages(&json2, &gen_dir.join("Cargo.toml"));
        assert_eq!(
            attribute(&build.errors[0], dir, gen_dir, &refs, &main_rs),
            Some(0)
        );
    }

    #[test]
    fn skips_summary_errors_and_reads_executable() {
        let out = r#"{"reason":"compiler-message","manifest_path":"/g/Cargo.toml","message":{"message":"aborting due to 2 previous errors","level":"error","spans":[],"children":[],"rendered":"error: aborting"}}
{"reason":"compiler-message","manifest_path":"/g/Cargo.toml","message":{"message":"unused variable","level":"warning","spans":[],"children":[],"rendered":"warning"}}
{"reason":"compiler-artifact","manifest_path":"/g/Cargo.toml","executable":"/t/debug/x"}
{"reason":"build-finished","success":true}"#;
        let b = parse_messages(out, Path::new("/g/Cargo.toml"));
        assert!(b.errors.is_empty());
        assert!(b.success);
        assert_eq!(b.executable, Some(PathBuf::from("/t/debug/x")));
    }
}
