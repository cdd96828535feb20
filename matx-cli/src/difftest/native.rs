//! Running the compiled programs: the generated binary once per program, in
//! parallel, each with a timeout; its stdout and the JSON trailer it writes
//! last on stderr make its [`RunResult`].

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use serde_json::Value;

use super::compare::{Outcome, RunResult};
use super::{cargo::tail, note, Options, Program};

/// A native run that gave no result to compare.
#[derive(Debug)]
pub struct Crash {
    pub what: String,
    pub stdout: String,
    pub stderr: String,
}

impl Crash {
    /// The FAIL line: what happened and the end of stderr.
    pub fn summary(&self) -> String {
        let lines: Vec<&str> = self.stderr.lines().collect();
        let last = match lines.iter().rposition(|l| l.contains("panicked at")) {
            // `thread 'main' panicked at FILE:LINE:COL:` then the message.
            Some(i) => lines[i + 1..]
                .iter()
                .find(|l| !l.trim().is_empty())
                .copied()
                .unwrap_or(lines[i]),
            None => lines
                .iter()
                .rev()
                .find(|l| !l.trim().is_empty() && !l.starts_with("note:"))
                .copied()
                .unwrap_or(""),
        }
        .trim();
        if last.is_empty() {
            self.what.clone()
        } else {
            format!("{}: {}", self.what, super::compare::clip(last, 160))
        }
    }

    /// The verbose report: the stderr tail and the stdout it printed.
    pub fn details(&self, expected: &RunResult) -> String {
        format!(
            "stderr (last lines):\n{}\nnative stdout (last lines):\n{}\nCPython stdout (last lines):\n{}",
            tail(&self.stderr, 20),
            tail(&self.stdout, 10),
            tail(&expected.stdout, 10)
        )
    }
}

pub type NativeResult = Result<RunResult, Crash>;

/// Runs every program on `jobs()` threads; results by program name.
pub fn run_all(
    exe: &Path,
    programs: &[&Program],
    timeout: Duration,
    opts: &Options,
) -> BTreeMap<String, NativeResult> {
    let next = AtomicUsize::new(0);
    let results = Mutex::new(BTreeMap::new());
    let jobs = super::jobs().min(programs.len()).max(1);
    std::thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(p) = programs.get(i) else { break };
                let r = run_one(exe, &p.name, timeout);
                if let Err(c) = &r {
                    note!(opts, "  native {}: {}", p.name, c.what);
                }
                results
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(p.name.clone(), r);
            });
        }
    });
    results.into_inner().unwrap_or_else(|e| e.into_inner())
}

fn run_one(exe: &Path, name: &str, timeout: Duration) -> NativeResult {
    let mut cmd = Command::new(exe);
    cmd.arg(name).env("RUST_BACKTRACE", "0");
    let captured = match super::process::run(cmd, timeout) {
        Ok(c) => c,
        Err(e) => {
            return Err(Crash {
                what: format!("cannot run {}: {e}", exe.display()),
                stdout: String::new(),
                stderr: String::new(),
            })
        }
    };
    let stdout = String::from_utf8_lossy(&captured.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&captured.stderr).into_owned();
    if captured.timed_out() {
        return Err(Crash {
            what: format!("timed out after {:.0}s (killed)", timeout.as_secs_f64()),
            stdout,
            stderr,
        });
    }
    let status = captured.status.expect("not timed out");
    match trailer(&stderr) {
        Some(outcome) if status.success() => Ok(RunResult { stdout, outcome }),
        _ => Err(Crash {
            what: describe(status),
            stdout,
            stderr,
        }),
    }
}

/// The last stderr line that is the runner's JSON trailer.
fn trailer(stderr: &str) -> Option<Outcome> {
    stderr.lines().rev().find_map(|line| {
        let v: Value = serde_json::from_str(line.trim()).ok()?;
        match v["ok"].as_bool()? {
            true => Some(Outcome::Return(v["repr"].as_str()?.to_string())),
            false => Some(Outcome::Raise {
                exc: v["exc"].as_str()?.to_string(),
                msg: v["msg"].as_str()?.to_string(),
            }),
        }
    })
}

fn describe(status: std::process::ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            let name = match sig {
                4 => " (SIGILL)",
                6 => " (SIGABRT)",
                7 => " (SIGBUS)",
                8 => " (SIGFPE)",
                9 => " (SIGKILL)",
                11 => " (SIGSEGV)",
                _ => "",
            };
            return format!("crashed: killed by signal {sig}{name}");
        }
    }
    match status.code() {
        Some(101) => "crashed: panicked (exit status 101)".to_string(),
        Some(c) => format!("crashed: exit status {c} without a result"),
        None => "crashed".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_last_trailer() {
        let e = "noise\n{\"ok\": true, \"repr\": \"1\"}\n";
        assert_eq!(trailer(e), Some(Outcome::Return("1".into())));
        let e = "{\"ok\": false, \"exc\": \"KeyError\", \"msg\": \"'a'\"}";
        assert_eq!(
            trailer(e),
            Some(Outcome::Raise {
                exc: "KeyError".into(),
                msg: "'a'".into()
            })
        );
        assert_eq!(trailer("thread 'main' panicked at x"), None);
    }
}
