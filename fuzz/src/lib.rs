//! The fuzz harnesses of the runtime's untrusted inputs (issue 12), on the dependency-free loop of `engine.rs`: `pipeline` (a `pipeline.json` text through `Graph::from_json`, `Session::from_graph` and a run) and `feed` (a JSON feed through `Session::run_json`). `cargo run --release -p matx-fuzz -- all 1000000` is the long run of FUZZING.md; the tests run each for a few seconds in CI.

#[path = "../engine.rs"]
pub mod engine;

use matx::pipeline::{Device, Graph, Session};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The vocabulary the seed pipelines' `text.Vocabulary` reads.
const VOCAB: &str = "[PAD]\n[UNK]\nhello\nworld\nun\n##known\n##s\nplay\n##ing\n";

/// A pipeline directory holding `resources/vocab.txt` (and a FIFO, a link out and a
/// directory, for the path checks), made once per process.
pub fn fixture_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("matx-fuzz-{}", std::process::id()));
        let _ = std::fs::create_dir_all(dir.join("resources/sub"));
        let _ = std::fs::write(dir.join("resources/vocab.txt"), VOCAB);
        #[cfg(unix)]
        {
            let _ = std::os::unix::fs::symlink("/etc/passwd", dir.join("resources/out"));
            let _ = std::process::Command::new("mkfifo")
                .arg(dir.join("resources/fifo"))
                .status();
        }
        dir
    })
}

/// The registry every harness loads against: matx-ops' ops.
pub fn registry() -> &'static matx::OpRegistry {
    static REG: OnceLock<matx::OpRegistry> = OnceLock::new();
    REG.get_or_init(|| {
        let mut reg = matx::OpRegistry::new();
        let _ = matx_ops::register_all(&mut reg);
        reg
    })
}

/// Caps this process's address space, so an input that asks for gigabytes gets a
/// `MemoryError` instead of the machine's memory.
pub fn limit_memory(bytes: u64) {
    #[cfg(unix)]
    {
        let lim = libc::rlimit {
            rlim_cur: bytes as libc::rlim_t,
            rlim_max: bytes as libc::rlim_t,
        };
        // SAFETY: setrlimit reads the struct it is given; lowering a limit is always allowed.
        unsafe {
            libc::setrlimit(libc::RLIMIT_AS, &lim);
        }
    }
}

/// The seed pipelines: text ops with a resource, every node kind, values of every tag.
pub const PIPELINE_SEEDS: &[&str] = &[
    r#"{"format": "matx.pipeline", "version": 1, "matx_version": "0.1.0",
  "libraries": [{"name": "matx_ops"}],
  "inputs": [{"name": "word", "type": "str"}],
  "objects": [{"id": 0, "op": "text.Vocabulary", "library": "matx_ops",
     "args": [{"resource": "resources/vocab.txt"}, "[UNK]"]}],
  "nodes": [
    {"id": 0, "kind": "call", "op": "text.wordpiece_tokenize", "library": "matx_ops",
     "args": [{"object": 0}, {"input": "word"}, {"value": "[UNK]"}, {"value": 100}]},
    {"id": 1, "kind": "method", "object": 0, "method": "lookup", "args": [{"node": 0}]},
    {"id": 2, "kind": "getitem", "args": [{"node": 1}, {"value": -1}]}],
  "outputs": [{"node": 0}, {"node": 1}, {"node": 2}]}"#,
    r#"{"format": "matx.pipeline", "version": 1,
  "inputs": [{"name": "word", "type": "str"}, {"name": "n", "type": "int"}],
  "nodes": [
    {"id": 0, "kind": "list", "args": [{"input": "word"}, {"input": "n"}]},
    {"id": 1, "kind": "tuple", "args": [{"node": 0}, {"value": {"tuple": [1, {"bytes": "6869"}]}}]},
    {"id": 2, "kind": "dict", "args": [{"value": "k"}, {"node": 1}, {"value": 3}, {"value": {"set": [1, 2]}}]},
    {"id": 3, "kind": "binop", "operator": "*", "args": [{"input": "word"}, {"input": "n"}]},
    {"id": 4, "kind": "binop", "operator": "in", "args": [{"value": "x"}, {"node": 0}]},
    {"id": 5, "kind": "binop", "operator": "+", "args": [{"node": 3}, {"node": 3}]},
    {"id": 6, "kind": "getitem", "args": [{"node": 2}, {"value": "k"}]},
    {"id": 7, "kind": "binop", "operator": "<", "args": [{"node": 0}, {"node": 0}]},
    {"id": 8, "kind": "binop", "operator": "//", "args": [{"input": "n"}, {"value": {"float": "-inf"}}]}],
  "outputs": [{"node": 5}, {"node": 6}, {"node": 7}, {"node": 8}, {"value": {"dict": [[1, -0]]}}]}"#,
];

/// Tokens the mutator inserts: JSON and the pipeline format's words.
pub const PIPELINE_DICT: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "null",
    "true",
    "false",
    "-0",
    "0",
    "-1",
    "1.5",
    "1e400",
    "99999999999999999999",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"kind\"",
    "\"call\"",
    "\"method\"",
    "\"getitem\"",
    "\"list\"",
    "\"tuple\"",
    "\"dict\"",
    "\"binop\"",
    "\"operator\"",
    "\"+\"",
    "\"*\"",
    "\"**\"",
    "\"<<\"",
    "\"in\"",
    "{\"node\": 0}",
    "{\"node\": 1}",
    "{\"input\": \"word\"}",
    "{\"object\": 0}",
    "{\"value\": ",
    "{\"resource\": \"resources/vocab.txt\"}",
    "{\"resource\": \"resources/fifo\"}",
    "{\"resource\": \"resources/out\"}",
    "{\"resource\": \"resources/sub\"}",
    "\"/etc/passwd\"",
    "\"../x\"",
    "\"resources/fifo\"",
    "{\"float\": \"nan\"}",
    "{\"bytes\": \"ff\"}",
    "{\"tuple\": [",
    "{\"set\": [",
    "{\"dict\": [[",
    "\"native\": \"resources/vocab.txt\"",
    "\"version\": 2",
    "\"format\": \"x\"",
    "\"id\": 7",
    "\"args\": []",
    "\"type\": \"Any\"",
    "\"type\": \"NDArray\"",
    "\"text.Vocabulary\"",
    "\"text.wordpiece_tokenize\"",
    "\"lookup\"",
    "\"__call__\"",
    "9223372036854775807",
];

/// A feed for a document: a value for each of the seed pipelines' inputs.
const FEED: &str = r#"{"word": "playing", "n": 3}"#;

/// The `pipeline` harness: a document loaded, its objects made, and run once.
pub fn pipeline_target(input: &[u8]) -> String {
    let Ok(text) = std::str::from_utf8(input) else {
        return "not utf-8".into();
    };
    let outcome = Graph::from_json(text, fixture_dir())
        .and_then(|g| Session::from_graph(g, Device::Cpu, registry()))
        .and_then(|s| {
            let feed: Vec<(&str, matx::Any)> = s
                .inputs()
                .iter()
                .map(|(n, _)| (n.as_str(), matx::Any::Str(matx::Str::from("playing"))))
                .collect();
            let _ = s.run(&feed);
            s.run_json(FEED)
        });
    label(outcome)
}

/// The seed feeds.
pub const FEED_SEEDS: &[&str] = &[
    r#"{"word": "playing"}"#,
    r#"{"word": "unknowns", "extra": [1, 2.5, null, true, {"a": [-0, "x"]}]}"#,
    r#"{"word": 3}"#,
    r#"[{"word": "x"}]"#,
];

/// The `feed` harness: a JSON feed decoded and run through the text-ops pipeline.
pub fn feed_target(input: &[u8]) -> String {
    static SESSION: OnceLock<Session> = OnceLock::new();
    let session = SESSION.get_or_init(|| {
        let g =
            Graph::from_json(PIPELINE_SEEDS[0], fixture_dir()).expect("the seed pipeline loads");
        Session::from_graph(g, Device::Cpu, registry()).expect("the seed pipeline loads")
    });
    let Ok(text) = std::str::from_utf8(input) else {
        return "not utf-8".into();
    };
    let decoded = matx::pipeline::json_text_to_any(text).map(|a| matx::repr(&a).map(|r| r.len()));
    let ran = session.run_json(text);
    format!("{} {}", label(decoded.and_then(|r| r)), label(ran))
}

/// An outcome as a label: "ok" or the error's kind and the start of its message.
fn label<T>(r: matx::Result<T>) -> String {
    match r {
        Ok(_) => "ok".into(),
        Err(e) => {
            let m: String = e.message().chars().take(24).collect();
            format!("{}: {m}", e.kind().name)
        }
    }
}

/// A harness: its seeds, its mutator's dictionary and its target.
pub type Harness = (
    &'static [&'static str],
    &'static [&'static str],
    fn(&[u8]) -> String,
);

/// The harnesses by name.
pub fn harness(name: &str) -> Option<Harness> {
    match name {
        "pipeline" => Some((PIPELINE_SEEDS, PIPELINE_DICT, pipeline_target)),
        "feed" => Some((FEED_SEEDS, PIPELINE_DICT, feed_target)),
        _ => None,
    }
}

/// Runs harness `name` for `iters` mutations from `seed`; crashing or hanging inputs go to
/// `out`.
pub fn run(name: &str, iters: u64, seed: u64, out: &Path) -> Option<engine::Stats> {
    let (seeds, dict, target) = harness(name)?;
    let seeds: Vec<Vec<u8>> = seeds.iter().map(|s| s.as_bytes().to_vec()).collect();
    let run = engine::Run {
        name,
        seed,
        iters,
        hang: std::time::Duration::from_secs(2),
        out: out.to_path_buf(),
    };
    Some(run.go(&seeds, dict, target))
}
