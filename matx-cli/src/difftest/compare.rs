//! Comparing a native run with CPython's: stdout line by line, then the
//! return value's repr, then the exception class and message.

use std::fmt;

/// How `main()` ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// It returned; `repr()` of the value.
    Return(String),
    /// It raised: the exception class name and `str(e)`.
    Raise { exc: String, msg: String },
}

impl Outcome {
    /// "returned R" / "raised E: M", R and M clipped to `width` characters.
    fn describe(&self, width: usize) -> String {
        let cut = |s: &str| {
            let mut c = clip(s, width);
            if s.chars().count() > width {
                c.push('…');
            }
            c
        };
        match self {
            Outcome::Return(r) => format!("returned {}", cut(r)),
            Outcome::Raise { exc, msg } if msg.is_empty() => format!("raised {exc}"),
            Outcome::Raise { exc, msg } => format!("raised {exc}: {}", cut(msg)),
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(100))
    }
}

/// Everything a run of `main()` is judged by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunResult {
    pub stdout: String,
    pub outcome: Outcome,
}

/// The first difference between CPython's run (`expected`) and the native
/// one, or None when they agree.
pub fn first_difference(expected: &RunResult, actual: &RunResult) -> Option<String> {
    match stdout_difference(&expected.stdout, &actual.stdout) {
        // Output cut short is usually explained by how the run ended: say so.
        Some(diff) if expected.outcome != actual.outcome => Some(format!(
            "{diff} (CPython {}, native {})",
            expected.outcome.describe(40),
            actual.outcome.describe(40)
        )),
        Some(diff) => Some(diff),
        None => outcome_difference(&expected.outcome, &actual.outcome),
    }
}

fn stdout_difference(expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    let e: Vec<&str> = expected.split('\n').collect();
    let a: Vec<&str> = actual.split('\n').collect();
    for i in 0..e.len().max(a.len()) {
        let (el, al) = (e.get(i), a.get(i));
        if el == al {
            continue;
        }
        let n = i + 1;
        // `split` leaves a last "" after a final newline.
        let last_e = i + 1 == e.len();
        let last_a = i + 1 == a.len();
        return Some(match (el, al) {
            (Some(el), Some(al)) if el == al => unreachable!(),
            (Some(el), Some(al)) => {
                if last_e && el.is_empty() {
                    format!(
                        "stdout line {n}: CPython printed nothing more, native printed {}",
                        show(al)
                    )
                } else if last_a && al.is_empty() {
                    format!(
                        "stdout line {n}: native output ends early; CPython printed {}",
                        show(el)
                    )
                } else {
                    let (el, al) = window(el, al);
                    let newline = match (last_e, last_a) {
                        (true, false) | (false, true) => " (one of them without a final newline)",
                        _ => "",
                    };
                    format!("stdout line {n}: expected {el}, got {al}{newline}")
                }
            }
            (Some(el), None) => {
                format!("stdout line {n}: expected {}, got end of output", show(el))
            }
            (None, Some(al)) => {
                format!("stdout line {n}: expected end of output, got {}", show(al))
            }
            (None, None) => unreachable!(),
        });
    }
    None
}

fn outcome_difference(expected: &Outcome, actual: &Outcome) -> Option<String> {
    match (expected, actual) {
        (Outcome::Return(e), Outcome::Return(a)) if e != a => {
            let (e, a) = window(e, a);
            Some(format!("return value: expected {e}, got {a}"))
        }
        (Outcome::Raise { exc: ee, msg: em }, Outcome::Raise { exc: ae, msg: am }) => {
            if ee != ae {
                Some(format!(
                    "exception: expected {ee}: {}, got {ae}: {}",
                    show(em),
                    show(am)
                ))
            } else if em != am {
                let (em, am) = window(em, am);
                Some(format!("{ee} message: expected {em}, got {am}"))
            } else {
                None
            }
        }
        (Outcome::Return(_), Outcome::Return(_)) => None,
        (e, a) => Some(format!("CPython {e}, native {a}")),
    }
}

/// A long verbose report of both runs.
pub fn details(expected: &RunResult, actual: &RunResult) -> String {
    let mut s = String::new();
    s.push_str(&format!(
        "CPython {}\nnative  {}\n",
        expected.outcome, actual.outcome
    ));
    if expected.stdout != actual.stdout {
        s.push_str("--- CPython stdout\n");
        s.push_str(&expected.stdout);
        if !expected.stdout.ends_with('\n') {
            s.push_str("⏎ (no final newline)\n");
        }
        s.push_str("--- native stdout\n");
        s.push_str(&actual.stdout);
        if !actual.stdout.ends_with('\n') {
            s.push_str("⏎ (no final newline)\n");
        }
    }
    s
}

const WIDTH: usize = 72;

/// Both strings, quoted, clipped to a window around their first difference.
fn window(e: &str, a: &str) -> (String, String) {
    let ec: Vec<char> = e.chars().collect();
    let ac: Vec<char> = a.chars().collect();
    let first = ec.iter().zip(&ac).take_while(|(x, y)| x == y).count();
    let start = first.saturating_sub(WIDTH / 3);
    let cut = |cs: &[char]| {
        let end = (start + WIDTH).min(cs.len());
        let body: String = cs[start.min(cs.len())..end].iter().collect();
        let mut q = if start > 0 {
            format!("…{}", quote(&body))
        } else {
            quote(&body)
        };
        if end < cs.len() {
            q.push('…');
        }
        q
    };
    (cut(&ec), cut(&ac))
}

fn show(s: &str) -> String {
    let mut q = quote(&clip(s, WIDTH));
    if s.chars().count() > WIDTH {
        q.push('…');
    }
    q
}

/// The first `n` characters of `s`.
pub fn clip(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// Quoted with Rust's escapes, so invisible differences (tabs, `\r`,
/// combining marks) show.
fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ret(stdout: &str, r: &str) -> RunResult {
        RunResult {
            stdout: stdout.into(),
            outcome: Outcome::Return(r.into()),
        }
    }
    fn raise(stdout: &str, exc: &str, msg: &str) -> RunResult {
        RunResult {
            stdout: stdout.into(),
            outcome: Outcome::Raise {
                exc: exc.into(),
                msg: msg.into(),
            },
        }
    }

    #[test]
    fn equal_runs_agree() {
        assert_eq!(
            first_difference(&ret("a\nb\n", "1"), &ret("a\nb\n", "1")),
            None
        );
        assert_eq!(
            first_difference(&raise("", "KeyError", "'x'"), &raise("", "KeyError", "'x'")),
            None
        );
    }

    #[test]
    fn stdout_differences() {
        assert_eq!(
            first_difference(&ret("a\nb\n", "None"), &ret("a\nc\n", "None")).unwrap(),
            r#"stdout line 2: expected "b", got "c""#
        );
        assert_eq!(
            first_difference(&ret("a\nb\n", "None"), &ret("a\n", "None")).unwrap(),
            r#"stdout line 2: native output ends early; CPython printed "b""#
        );
        assert_eq!(
            first_difference(&ret("a\n", "None"), &ret("a\nzz\n", "None")).unwrap(),
            r#"stdout line 2: CPython printed nothing more, native printed "zz""#
        );
        assert_eq!(
            first_difference(&ret("a\n", "None"), &ret("a", "None")).unwrap(),
            r#"stdout line 2: expected "", got end of output"#
        );
        let long_e = format!("{}X{}", "x".repeat(200), "y".repeat(200));
        let long_a = format!("{}Z{}", "x".repeat(200), "y".repeat(200));
        let d = first_difference(&ret(&long_e, "None"), &ret(&long_a, "None")).unwrap();
        assert!(
            d.contains("xxxxxxxxX") && d.contains("xxxxxxxxZ") && d.contains("…\"x"),
            "{d}"
        );
        assert!(d.chars().count() < 220, "{d}");
    }

    #[test]
    fn outcome_differences() {
        assert_eq!(
            first_difference(&ret("", "1"), &ret("", "2")).unwrap(),
            r#"return value: expected "1", got "2""#
        );
        assert_eq!(
            first_difference(&raise("", "ValueError", "bad"), &ret("", "3")).unwrap(),
            "CPython raised ValueError: bad, native returned 3"
        );
        assert_eq!(
            first_difference(
                &raise("", "ValueError", "bad"),
                &raise("", "TypeError", "bad")
            )
            .unwrap(),
            r#"exception: expected ValueError: "bad", got TypeError: "bad""#
        );
        assert_eq!(
            first_difference(
                &raise("", "ValueError", "bad"),
                &raise("", "ValueError", "bat")
            )
            .unwrap(),
            r#"ValueError message: expected "bad", got "bat""#
        );
        // stdout is compared first; a different ending is mentioned with it.
        assert_eq!(
            first_difference(&ret("x\n", "1"), &ret("y\n", "2")).unwrap(),
            r#"stdout line 1: expected "x", got "y" (CPython returned 1, native returned 2)"#
        );
        assert_eq!(
            first_difference(&ret("a\nb\n", "None"), &raise("a\n", "ValueError", "v")).unwrap(),
            r#"stdout line 2: native output ends early; CPython printed "b" (CPython returned None, native raised ValueError: v)"#
        );
    }
}
