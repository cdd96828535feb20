//! `matx difftest` against a fake workspace: its `matx` crate's
//! `matx_script!(file = "x.py")` includes `x.py.rs`, a hand-written stand-in
//! for what the compiler would generate, so the tool's mechanics (the
//! generated crate, compile-error attribution and rebuilds, native and CPython
//! runs, comparison, PASS/FAIL lines, exit codes) are tested without the real
//! compiler.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FAKE_MATX: &str = r#"
//! A fake matx runtime: just what the difftest runner and the fake programs use.
pub type Result<T> = std::result::Result<T, Error>;
pub struct ExcType { pub name: &'static str }
pub mod exc {
    #![allow(non_upper_case_globals)]
    pub static ValueError: super::ExcType = super::ExcType { name: "ValueError" };
    pub static KeyError: super::ExcType = super::ExcType { name: "KeyError" };
}
pub struct Error { kind: &'static ExcType, message: String }
impl Error {
    pub fn new(kind: &'static ExcType, message: &str) -> Self { Error { kind, message: message.into() } }
    pub fn kind(&self) -> &'static ExcType { self.kind }
    pub fn message(&self) -> &str { &self.message }
}
pub trait PyValue: 'static { fn py_repr(&self) -> String; }
impl PyValue for i64 { fn py_repr(&self) -> String { self.to_string() } }
impl PyValue for () { fn py_repr(&self) -> String { "None".into() } }
impl PyValue for String { fn py_repr(&self) -> String { format!("'{self}'") } }
pub fn repr<T: PyValue>(v: &T) -> Result<String> { Ok(v.py_repr()) }
#[macro_export]
macro_rules! matx_script {
    (file = $f:literal) => { include!(concat!($f, ".rs")); };
}
"#;

/// (name, Python source, Rust stand-in; `{DIR}` is replaced by the directory).
const PROGRAMS: &[(&str, &str, &str)] = &[
    (
        "ok_return",
        "def main() -> int:\n    print(\"hello\")\n    print(1 + 1)\n    return 42\n",
        "pub fn main() -> ::matx::Result<i64> { println!(\"hello\"); println!(\"2\"); Ok(42) }",
    ),
    (
        "ok_none",
        "def main() -> None:\n    print(\"é ✓\", end=\"\")\n",
        "pub fn main() -> ::matx::Result<()> { print!(\"é ✓\"); Ok(()) }",
    ),
    (
        "raises_match",
        "def main() -> None:\n    print(\"before\")\n    raise ValueError(\"bad value\")\n",
        "pub fn main() -> ::matx::Result<()> { println!(\"before\"); \
         Err(::matx::Error::new(&::matx::exc::ValueError, \"bad value\")) }",
    ),
    (
        "keyerror_match",
        "from typing import Dict\n\ndef main() -> int:\n    d: Dict[str, int] = {}\n    return d[\"k\"]\n",
        "pub fn main() -> ::matx::Result<i64> { Err(::matx::Error::new(&::matx::exc::KeyError, \"'k'\")) }",
    ),
    (
        "wrong_stdout",
        "def main() -> None:\n    print(\"a\")\n    print(\"b\")\n    print(\"c\")\n",
        "pub fn main() -> ::matx::Result<()> { println!(\"a\\nB\\nc\"); Ok(()) }",
    ),
    (
        "wrong_return",
        "def main() -> str:\n    return \"x\"\n",
        "pub fn main() -> ::matx::Result<String> { Ok(\"y\".to_string()) }",
    ),
    (
        "wrong_exc",
        "def main() -> int:\n    raise ValueError(\"m\")\n",
        "pub fn main() -> ::matx::Result<i64> { Ok(1) }",
    ),
    (
        "script_error_abs",
        "def main() -> int:\n    return 1\n",
        "compile_error!(\"{DIR}/script_error_abs.py:2:5: `yield` is not supported; write a loop\");",
    ),
    (
        "script_error_rel",
        "def main() -> int:\n    return 1\n",
        "compile_error!(\"script_error_rel.py:1:1: bad annotation\");",
    ),
    (
        "type_error",
        "def main() -> int:\n    return 1\n",
        "pub fn main() -> ::matx::Result<i64> { let x: i64 = \"no\"; Ok(x) }",
    ),
    (
        "no_main_fn",
        "def main() -> int:\n    return 1\n",
        "pub fn mian() -> ::matx::Result<i64> { Ok(1) }",
    ),
    (
        "not_pyvalue",
        "def main() -> float:\n    return 1.5\n",
        "pub fn main() -> ::matx::Result<f32> { Ok(1.5) }",
    ),
    (
        "missing_rs",
        "def main() -> int:\n    return 1\n",
        "",
    ),
    (
        "crash",
        "def main() -> int:\n    return 1\n",
        "pub fn main() -> ::matx::Result<i64> { panic!(\"boom in the runtime\") }",
    ),
    (
        "hang",
        "def main() -> int:\n    return 1\n",
        "pub fn main() -> ::matx::Result<i64> { loop { std::thread::sleep(std::time::Duration::from_millis(50)); } }",
    ),
    (
        "py_error",
        "def main() -> int:\n    return (\n",
        "pub fn main() -> ::matx::Result<i64> { Ok(1) }",
    ),
];

fn tmp() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("difftest-fake")
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap();
    }
}

/// A fake workspace with the given `matx/src/lib.rs`.
fn workspace(name: &str, lib: &str) -> PathBuf {
    let ws = tmp().join(name);
    write(
        &ws.join("matx/Cargo.toml"),
        "[package]\nname = \"matx\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[lib]\npath = \"src/lib.rs\"\n",
    );
    write(&ws.join("matx/src/lib.rs"), lib);
    ws
}

/// A directory holding the programs whose names `keep` accepts.
fn programs(name: &str, keep: impl Fn(&str) -> bool) -> PathBuf {
    let dir = tmp().join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let dir = std::fs::canonicalize(dir).unwrap();
    for (n, py, rs) in PROGRAMS.iter().filter(|(n, _, _)| keep(n)) {
        write(&dir.join(format!("{n}.py")), py);
        if !rs.is_empty() {
            write(
                &dir.join(format!("{n}.py.rs")),
                &rs.replace("{DIR}", &dir.to_string_lossy()),
            );
        }
    }
    // Not a program: no main().
    write(
        &dir.join("helper.py"),
        "def helper() -> int:\n    return 1\n",
    );
    dir
}

fn matx(ws: &Path, args: &[&str], envs: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_matx"));
    cmd.args(args)
        .env("MATX_WORKSPACE", ws)
        .env("MATX_DIFFTEST_TIMEOUT", "2")
        .env_remove("CARGO_TARGET_DIR");
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().unwrap();
    let (out, err) = (
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    );
    eprintln!("--- stdout\n{out}--- stderr\n{err}");
    (status.code().unwrap_or(-1), out, err)
}

fn line<'a>(out: &'a str, prefix: &str) -> &'a str {
    out.lines()
        .find(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no line starting {prefix:?} in\n{out}"))
}

#[test]
fn reports_each_program_and_the_totals() {
    let ws = workspace("ws", FAKE_MATX);
    let dir = programs("all", |_| true);
    let (code, out, _) = matx(&ws, &["difftest", dir.to_str().unwrap()], &[]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines.len(),
        PROGRAMS.len() + 1,
        "one line per program, then the totals"
    );
    // Sorted by name, helper.py skipped.
    let mut names: Vec<&str> = PROGRAMS.iter().map(|p| p.0).collect();
    names.sort();
    for (l, n) in lines.iter().zip(&names) {
        assert!(
            l.starts_with(&format!("PASS {n}")) || l.starts_with(&format!("FAIL {n}:")),
            "{l}"
        );
    }
    for n in ["ok_return", "ok_none", "raises_match", "keyerror_match"] {
        assert!(
            lines.contains(&format!("PASS {n}").as_str()),
            "{n} should pass"
        );
    }
    assert_eq!(
        line(&out, "FAIL wrong_stdout"),
        r#"FAIL wrong_stdout: stdout line 2: expected "b", got "B""#
    );
    assert_eq!(
        line(&out, "FAIL wrong_return"),
        r#"FAIL wrong_return: return value: expected "'x'", got "'y'""#
    );
    assert_eq!(
        line(&out, "FAIL wrong_exc"),
        "FAIL wrong_exc: CPython raised ValueError: m, native returned 1"
    );
    assert_eq!(
        line(&out, "FAIL script_error_abs"),
        "FAIL script_error_abs: compile error: script_error_abs.py:2:5: `yield` is not supported; write a loop"
    );
    assert_eq!(
        line(&out, "FAIL script_error_rel"),
        "FAIL script_error_rel: compile error: script_error_rel.py:1:1: bad annotation"
    );
    assert_eq!(
        line(&out, "FAIL type_error"),
        "FAIL type_error: compile error: mismatched types"
    );
    let crash = line(&out, "FAIL crash");
    assert_eq!(
        crash,
        "FAIL crash: crashed: panicked (exit status 101): boom in the runtime"
    );
    assert_eq!(
        line(&out, "FAIL hang"),
        "FAIL hang: timed out after 2s (killed)"
    );
    let py = line(&out, "FAIL py_error");
    assert!(
        py.contains("under CPython: could not load the program: SyntaxError"),
        "{py}"
    );
    let no_main = line(&out, "FAIL no_main_fn");
    assert!(
        no_main.starts_with(
            "FAIL no_main_fn: compile error: cannot find value `main` in module `p_no_main_fn`"
        ),
        "{no_main}"
    );
    let not_pyvalue = line(&out, "FAIL not_pyvalue");
    assert!(not_pyvalue.contains("PyValue"), "{not_pyvalue}");
    let missing = line(&out, "FAIL missing_rs");
    assert!(
        missing.starts_with("FAIL missing_rs: compile error: couldn't read"),
        "{missing}"
    );
    assert_eq!(*lines.last().unwrap(), "4 passed, 12 failed");

    // --filter narrows the set; all passing gives exit status 0.
    let (code, out, _) = matx(
        &ws,
        &[
            "difftest",
            dir.to_str().unwrap(),
            "--filter",
            "ok_",
            "--filter",
            "match",
        ],
        &[],
    );
    assert_eq!(code, 0);
    assert_eq!(out, "PASS keyerror_match\nPASS ok_none\nPASS ok_return\nPASS raises_match\n4 passed, 0 failed\n");

    // --verbose shows both outputs of a failure.
    let (code, out, _) = matx(
        &ws,
        &[
            "difftest",
            dir.to_str().unwrap(),
            "--filter",
            "wrong_stdout",
            "--verbose",
        ],
        &[],
    );
    assert_eq!(code, 1);
    assert!(
        out.contains("--- CPython stdout") && out.contains("--- native stdout"),
        "{out}"
    );
}

#[test]
fn an_error_no_program_is_blamed_for_is_an_infra_error() {
    let broken = format!("{FAKE_MATX}\npub fn broken() -> i64 {{ \"not an int\" }}\n");
    let ws = workspace("broken-ws", &broken);
    let dir = programs("broken", |n| n.starts_with("ok_"));
    let (code, out, err) = matx(&ws, &["difftest", dir.to_str().unwrap()], &[]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("no program can be blamed for") && err.contains("mismatched types"),
        "{err}"
    );
    let (code, out, _) = matx(
        &ws,
        &["difftest", dir.to_str().unwrap(), "--keep-going"],
        &[],
    );
    assert_eq!(code, 1);
    assert!(
        line(&out, "FAIL ok_none")
            .contains("compile error: (not attributed) error[E0308]: mismatched types"),
        "{out}"
    );
    assert_eq!(out.lines().last().unwrap(), "0 passed, 2 failed");
}

#[test]
fn usage_and_environment_errors_exit_2() {
    let ws = workspace("ws-usage", FAKE_MATX);
    let dir = programs("usage", |n| n == "ok_return");
    let d = dir.to_str().unwrap();
    assert_eq!(matx(&ws, &[], &[]).0, 2);
    assert_eq!(matx(&ws, &["frobnicate"], &[]).0, 2);
    assert_eq!(matx(&ws, &["difftest"], &[]).0, 2);
    assert_eq!(matx(&ws, &["difftest", d, "--bogus"], &[]).0, 2);
    let (code, out, _) = matx(&ws, &["--help"], &[]);
    assert_eq!(code, 0);
    assert!(out.contains("matx difftest DIR"));
    let (code, _, err) = matx(&ws, &["difftest", "/nonexistent/dir"], &[]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot open directory"), "{err}");
    let (code, _, err) = matx(&ws, &["difftest", d, "--filter", "zzz"], &[]);
    assert_eq!(code, 2);
    assert!(err.contains("no programs"), "{err}");
    let (code, _, err) = matx(
        &ws,
        &["difftest", d],
        &[("MATX_PYTHON", "/nonexistent/python3")],
    );
    assert_eq!(code, 2);
    assert!(err.contains("cannot run the CPython interpreter"), "{err}");
    let (code, _, err) = matx(&ws, &["difftest", d], &[("CARGO", "/nonexistent/cargo")]);
    assert_eq!(code, 2);
    assert!(err.contains("cargo not found"), "{err}");
    let (code, _, err) = matx(Path::new("/nonexistent/ws"), &["difftest", d], &[]);
    assert_eq!(code, 2);
    assert!(err.contains("matx workspace"), "{err}");
}
