//! The script front-end's fuzz harness (issue 12): arbitrary text through every pass of `matx_script!` (parse, check, lower) in-process, on the loop of `fuzz/engine.rs`. `cargo test -p matx-macros fuzz_front_end` runs it briefly in CI; `MATX_FUZZ_ITERS=1000000 cargo test --release -p matx-macros fuzz_front_end` is the long run of FUZZING.md.

#[path = "../../fuzz/engine.rs"]
mod engine;

use crate::expand::compile_with;
use crate::source::Source;

/// Python's words, operators and the dialect's names, for the mutator.
const DICT: &[&str] = &[
    "def ",
    "class ",
    "return ",
    "if ",
    "elif ",
    "else:",
    "for ",
    " in ",
    "while ",
    "try:",
    "except ",
    "finally:",
    "raise ",
    "lambda ",
    "import ",
    "from ",
    "with ",
    "yield ",
    "async ",
    "await ",
    "global ",
    "nonlocal ",
    "del ",
    "pass",
    "break",
    "continue",
    "assert ",
    " and ",
    " or ",
    " not ",
    " is ",
    "None",
    "True",
    "False",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    "=",
    "+",
    "-",
    "*",
    "/",
    "//",
    "%",
    "**",
    "<<",
    ">>",
    "&",
    "|",
    "^",
    "~",
    "<",
    ">",
    "==",
    "!=",
    "@",
    "->",
    "\n",
    "\n    ",
    "    ",
    "\t",
    "\\",
    "#",
    "'",
    "\"",
    "\"\"\"",
    "f\"",
    "b\"",
    "0x",
    "1e400",
    "99999999999999999999",
    "int",
    "float",
    "str",
    "bytes",
    "bool",
    "List[",
    "Dict[",
    "Set[",
    "Tuple[",
    "Optional[",
    "Any",
    "Callable[[",
    "NDArray",
    "self",
    "__init__",
    "__eq__",
    "__call__",
    "super()",
    "len(",
    "range(",
    "print(",
    "sorted(",
    "math.",
    "from typing import List, Dict, Any, Optional, Tuple, Set, Callable\n",
    "\u{feff}",
    "\u{0}",
    "é",
    "\u{2028}",
];

/// Seeds: the difftest corpus (real programs of the dialect) and a few small ones.
fn seeds() -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/difftest");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "py"));
    files.sort();
    let mut out: Vec<Vec<u8>> = files.iter().filter_map(|f| std::fs::read(f).ok()).collect();
    out.push(b"def f(x: int) -> int:\n    return x + 1\n".to_vec());
    out.push(
        b"class A:\n    x: int\n    def __init__(self) -> None:\n        self.x = 1\n".to_vec(),
    );
    out
}

/// One input through the passes: the outcome's label (ok, or the first error's text).
fn target(input: &[u8]) -> String {
    let text = String::from_utf8_lossy(input).into_owned();
    let src = Source::new("fuzz.py".into(), text, None);
    match compile_with(&src, &[]) {
        Ok(_) => "ok".into(),
        Err(d) => d
            .render(&src)
            .first()
            .map(|(_, m)| m.chars().take(30).collect())
            .unwrap_or_default(),
    }
}

#[test]
fn fuzz_front_end() {
    let iters = std::env::var("MATX_FUZZ_ITERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    let seed = std::env::var("MATX_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(7);
    let out = std::env::temp_dir().join("matx-fuzz-found");
    // The passes recurse on the syntax tree: a thread with room for deep input.
    let stats = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            engine::Run {
                name: "front_end",
                seed,
                iters,
                hang: std::time::Duration::from_secs(5),
                out,
            }
            .go(&seeds(), DICT, target)
        })
        .expect("a thread")
        .join()
        .expect("the harness itself");
    eprintln!(
        "front_end: {} inputs, {} crashes, {} hangs, corpus {}, slowest {:?}, {:.1} s",
        stats.inputs,
        stats.crashes,
        stats.hangs,
        stats.corpus,
        stats.slowest,
        stats.elapsed.as_secs_f64()
    );
    assert_eq!((stats.crashes, stats.hangs), (0, 0));
}
