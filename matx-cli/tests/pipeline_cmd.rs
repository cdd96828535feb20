//! `matx run` and `matx inspect` as a user runs them: the built binary on a pipeline directory of matx-ops' text ops (a vocabulary resource and WordPiece), its output and exit status, and its errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const VOCAB: &str = "[PAD]\n[UNK]\nhello\nworld\nun\n##known\n##s\nplay\n##ing\n";

/// word → wordpiece_tokenize(vocab, word) → vocab.lookup(pieces) → ids[-1], with the
/// vocabulary a resource of the directory.
const PIPELINE: &str = r#"{
  "format": "matx.pipeline",
  "version": 1,
  "matx_version": "0.1.0",
  "libraries": [{"name": "matx_ops"}],
  "inputs": [{"name": "word", "type": "str"}],
  "objects": [
    {"id": 0, "op": "text.Vocabulary", "library": "matx_ops",
     "args": [{"resource": "resources/vocab.txt"}, "[UNK]"]}
  ],
  "nodes": [
    {"id": 0, "kind": "call", "op": "text.wordpiece_tokenize", "library": "matx_ops",
     "args": [{"object": 0}, {"input": "word"}, {"value": "[UNK]"}, {"value": 100}]},
    {"id": 1, "kind": "method", "object": 0, "method": "lookup", "args": [{"node": 0}]},
    {"id": 2, "kind": "getitem", "args": [{"node": 1}, {"value": -1}]}
  ],
  "outputs": [{"node": 0}, {"node": 1}, {"node": 2}]
}"#;

/// A fresh pipeline directory named `name` with `pipeline.json` = `json` and the vocabulary.
fn pipeline_dir(name: &str, json: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("matx-cli-pipeline-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("resources")).unwrap();
    std::fs::write(dir.join("resources/vocab.txt"), VOCAB).unwrap();
    std::fs::write(dir.join("pipeline.json"), json).unwrap();
    dir
}

fn matx(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_matx"))
        .args(args)
        .output()
        .unwrap()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Runs a command that must succeed; its stdout.
fn ok(args: &[&str]) -> String {
    let o = matx(args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    assert_eq!(stderr(&o), "");
    stdout(&o)
}

/// Runs a command that must fail with exit status 1; its stderr.
fn fails(args: &[&str]) -> String {
    let o = matx(args);
    assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stdout(&o));
    assert_eq!(stdout(&o), "");
    stderr(&o)
}

#[test]
fn run_prints_the_outputs_as_json() {
    let dir = pipeline_dir("run", PIPELINE);
    let out = ok(&["run", path(&dir), "--input", r#"{"word": "playing"}"#]);
    assert_eq!(out, "[[\"play\",\"##ing\"],[7,8],8]\n");
    let out = ok(&[
        "run",
        path(&dir),
        "--input={\"word\": \"unknowns\"}",
        "--device",
        "cpu",
    ]);
    assert_eq!(out, "[[\"un\",\"##known\",\"##s\"],[4,5,6],6]\n");

    // One output: its value, not a one-element array.
    let one = PIPELINE.replace(
        r#""outputs": [{"node": 0}, {"node": 1}, {"node": 2}]"#,
        r#""outputs": [{"node": 1}]"#,
    );
    let dir = pipeline_dir("run-one", &one);
    assert_eq!(
        ok(&["run", path(&dir), "--input", r#"{"word": "hello"}"#]),
        "[2]\n"
    );
    assert_eq!(
        ok(&["run", path(&dir), "--input", r#"{"word": "xyz"}"#]),
        "[1]\n"
    );
}

#[test]
fn run_errors_exit_1_with_the_kind() {
    let dir = pipeline_dir("run-errors", PIPELINE);
    let d = path(&dir);

    let err = fails(&["run", "/nonexistent/matx-pipeline"]);
    assert!(
        err.starts_with("error: FileNotFoundError: ") && err.contains("/nonexistent/matx-pipeline"),
        "{err}"
    );

    let err = fails(&["run", d, "--input", "{\"word\": "]);
    assert!(err.starts_with("error: ValueError: invalid JSON"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");

    let err = fails(&["run", d, "--input", r#"{"word": 3}"#]);
    assert_eq!(err, "error: FeedError: input 'word' must be str, got int\n");

    let err = fails(&["run", d]);
    assert!(err.starts_with("error: FeedError: "), "{err}");
    assert!(err.contains("word"), "{err}");

    let err = fails(&["run", d, "--input", r#"{"word": "x"}"#, "--device", "tpu"]);
    assert!(
        err.starts_with("error: ValueError: unknown device 'tpu'"),
        "{err}"
    );

    // A damaged document and a missing resource.
    let damaged = pipeline_dir("damaged", &PIPELINE[..PIPELINE.len() / 2]);
    let err = fails(&["run", path(&damaged), "--input", "{}"]);
    assert!(err.starts_with("error: PipelineFormatError: "), "{err}");
    std::fs::remove_file(dir.join("resources/vocab.txt")).unwrap();
    let err = fails(&["run", d, "--input", r#"{"word": "x"}"#]);
    assert!(err.starts_with("error: ResourceNotFoundError: "), "{err}");

    // An op matx-ops does not have.
    let unknown = pipeline_dir(
        "unknown-op",
        &PIPELINE.replace("text.wordpiece_tokenize", "text.nope"),
    );
    let err = fails(&["run", path(&unknown), "--input", r#"{"word": "x"}"#]);
    assert!(err.starts_with("error: OpNotFoundError: "), "{err}");
    assert!(err.contains("text.nope"), "{err}");
}

#[test]
fn run_goes_through_a_named_native_library() {
    // The library is opened and asked for its C API: a file that is not a shared library
    // is reported, not crashed on.
    let json = PIPELINE.replace(
        r#"[{"name": "matx_ops"}]"#,
        r#"[{"name": "matx_ops", "native": "lib/libfake.so"}]"#,
    );
    let dir = pipeline_dir("native", &json);
    std::fs::create_dir_all(dir.join("lib")).unwrap();
    std::fs::write(dir.join("lib/libfake.so"), "not a shared library").unwrap();
    let err = fails(&["run", path(&dir), "--input", r#"{"word": "x"}"#]);
    assert!(
        err.starts_with("error: OSError: cannot load the native library "),
        "{err}"
    );
    assert!(err.contains("libfake.so"), "{err}");

    // A native path outside the directory is refused before anything is loaded.
    let escape = PIPELINE.replace(
        r#"[{"name": "matx_ops"}]"#,
        r#"[{"name": "matx_ops", "native": "../libevil.so"}]"#,
    );
    let dir = pipeline_dir("native-escape", &escape);
    let err = fails(&["run", path(&dir), "--input", r#"{"word": "x"}"#]);
    assert!(err.starts_with("error: UnsafePathError: "), "{err}");

    // A missing native library.
    let dir = pipeline_dir("native-missing", &json);
    let err = fails(&["run", path(&dir), "--input", r#"{"word": "x"}"#]);
    assert!(err.starts_with("error: ResourceNotFoundError: "), "{err}");
}

#[test]
fn inspect_lists_the_graph() {
    let dir = pipeline_dir("inspect", PIPELINE);
    let out = ok(&["inspect", path(&dir)]);
    let expected = format!(
        "pipeline {} (format version 1, saved by matx 0.1.0)

inputs (1):
  word: str

objects (1):
  object 0 = text.Vocabulary(resource resources/vocab.txt, '[UNK]')  (library matx_ops)

nodes (3):
  node 0 = call text.wordpiece_tokenize(object 0, input word, '[UNK]', 100)  (library matx_ops)
  node 1 = method object 0.lookup(node 0) [text.Vocabulary]
  node 2 = getitem node 1[-1]

outputs (3):
  output 0 = node 0
  output 1 = node 1
  output 2 = node 2

resources (1):
  resources/vocab.txt

libraries (1):
  matx_ops
",
        dir.display()
    );
    assert_eq!(out, expected);

    let err = fails(&["inspect", "/nonexistent/matx-pipeline"]);
    assert!(err.starts_with("error: FileNotFoundError: "), "{err}");
}

#[test]
fn inspect_dot_is_a_digraph() {
    let dir = pipeline_dir("dot", PIPELINE);
    let out = ok(&["inspect", path(&dir), "--dot"]);
    assert!(out.starts_with("digraph pipeline {\n"), "{out}");
    assert!(out.ends_with("}\n"), "{out}");
    for line in [
        r#"  input0 [shape=ellipse, label="input word: str"];"#,
        r#"  object0 [shape=box, style=rounded, label="object 0\ntext.Vocabulary(resource resources/vocab.txt, '[UNK]')"];"#,
        r#"  node0 [shape=box, label="node 0\ncall text.wordpiece_tokenize(object 0, input word, '[UNK]', 100)"];"#,
        r#"  node2 [shape=box, label="node 2\ngetitem node 1[-1]"];"#,
        r#"  output0 [shape=doubleoctagon, label="output 0"];"#,
        r#"  object0 -> node0 [label="0"];"#,
        r#"  input0 -> node0 [label="1"];"#,
        r#"  object0 -> node1 [label="self", style=dashed];"#,
        r#"  node0 -> node1 [label="0"];"#,
        r#"  node1 -> node2 [label="0"];"#,
        "  node0 -> output0;",
        "  node2 -> output2;",
    ] {
        assert!(out.lines().any(|l| l == line), "missing {line}\n{out}");
    }
    // One graph node per input, object, node and output.
    let decls = out.lines().filter(|l| l.contains("[shape=")).count();
    assert_eq!(decls, 1 + 1 + 3 + 3, "{out}");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["run"][..],
        &["run", "a", "b"],
        &["run", "a", "--input"],
        &["run", "a", "--bogus"],
        &["inspect"],
        &["inspect", "a", "--graph"],
    ] {
        let o = matx(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).starts_with("matx: "), "{args:?}: {}", stderr(&o));
    }
    let help = ok(&["run", "--help"]);
    assert!(help.contains("matx run DIR [--input JSON]"), "{help}");
}

#[test]
fn run_reads_no_file_outside_the_directory() {
    // Issue 12: six lines of pipeline.json made `matx run` print lines of /etc/passwd
    // (a bare string path given to text.Vocabulary) and grow to gigabytes on /dev/zero.
    for file in ["/etc/passwd", "/dev/zero", "../../../../etc/passwd"] {
        let json = PIPELINE.replace(
            r#"{"resource": "resources/vocab.txt"}"#,
            &format!("{file:?}"),
        );
        let dir = pipeline_dir("passwd", &json);
        let err = fails(&["run", path(&dir), "--input", r#"{"word": "root"}"#]);
        assert!(err.starts_with("error: UnsafePathError: "), "{file}: {err}");
        assert!(!err.contains("root:"), "{err}");
    }
    // The same file named inside the directory, as a plain string, is a resource.
    let json = PIPELINE.replace(
        r#"{"resource": "resources/vocab.txt"}"#,
        r#""resources/vocab.txt""#,
    );
    let dir = pipeline_dir("plain-inside", &json);
    let out = ok(&["run", path(&dir), "--input", r#"{"word": "playing"}"#]);
    assert_eq!(out, "[[\"play\",\"##ing\"],[7,8],8]\n");
}

#[cfg(unix)]
#[test]
fn a_fifo_pipeline_json_is_refused_not_waited_on() {
    // Issue 12: a FIFO as pipeline.json hung every host, `matx inspect` too.
    let dir = pipeline_dir("fifo", PIPELINE);
    std::fs::remove_file(dir.join("pipeline.json")).unwrap();
    let made = Command::new("mkfifo")
        .arg(dir.join("pipeline.json"))
        .status()
        .unwrap();
    assert!(made.success());
    for cmd in ["run", "inspect"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_matx"))
            .args([cmd, path(&dir)])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let start = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if start.elapsed() > std::time::Duration::from_secs(20) {
                let _ = child.kill();
                panic!("matx {cmd} waited on a FIFO");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(1), "{cmd}");
        let err = stderr(&o);
        assert!(err.starts_with("error: UnsafePathError: "), "{cmd}: {err}");
        assert!(err.contains("a FIFO"), "{cmd}: {err}");
    }
}

/// A pipeline of `n` nodes: node 0 = `first`, node i = `each` of node i-1 (`{prev}`).
fn chain(n: usize, input: &str, first: &str, each: &str) -> String {
    let mut nodes = vec![format!(r#"{{"id": 0, {first}}}"#)];
    for i in 1..n {
        let prev = format!(r#"{{"node": {}}}"#, i - 1);
        nodes.push(format!(
            r#"{{"id": {i}, {}}}"#,
            each.replace("{prev}", &prev)
        ));
    }
    format!(
        r#"{{"format": "matx.pipeline", "version": 1, "inputs": [{input}],
            "nodes": [{}], "outputs": [{{"node": {}}}]}}"#,
        nodes.join(",\n"),
        n - 1
    )
}

#[test]
fn a_deep_chain_of_nodes_is_an_error_not_a_stack_overflow() {
    // Issue 12: 30,000 list nodes, each holding the one before, overflowed the stack.
    let doc = chain(
        30_000,
        r#"{"name": "x", "type": "int"}"#,
        r#""kind": "list", "args": [{"input": "x"}]"#,
        r#""kind": "list", "args": [{prev}]"#,
    );
    let dir = pipeline_dir("deep-chain", &doc);
    let err = fails(&["run", path(&dir), "--input", r#"{"x": 1}"#]);
    assert!(
        err.starts_with("error: ValueError: value nests deeper than"),
        "{err}"
    );
    assert!(ok(&["inspect", path(&dir)]).contains("node 29999 = list [node 29998]"));
}

#[cfg(unix)]
#[test]
fn string_doubling_runs_out_of_memory_with_memory_error() {
    // Issue 12: 64 `+` nodes doubling a string aborted with SIGABRT; under a 512 MiB address
    // space limit the allocation fails early, as a MemoryError.
    let doc = chain(
        64,
        r#"{"name": "s", "type": "str"}"#,
        r#""kind": "binop", "operator": "+", "args": [{"input": "s"}, {"input": "s"}]"#,
        r#""kind": "binop", "operator": "+", "args": [{prev}, {prev}]"#,
    );
    let dir = pipeline_dir("doubling", &doc);
    let script = format!(
        "ulimit -v 524288 && exec '{}' run '{}' --input '{{\"s\": \"ab\"}}'",
        env!("CARGO_BIN_EXE_matx"),
        path(&dir)
    );
    let o = Command::new("sh").args(["-c", &script]).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stderr(&o), "error: MemoryError\n");
}

#[cfg(unix)]
#[test]
fn a_non_utf8_argument_is_a_usage_error_not_a_panic() {
    // Issue 12: `matx run` panicked on any command-line argument that is not UTF-8.
    use std::os::unix::ffi::OsStrExt;
    let bad = std::ffi::OsStr::from_bytes(b"/tmp/\xff\xfe");
    for cmd in ["run", "inspect", "difftest"] {
        let o = Command::new(env!("CARGO_BIN_EXE_matx"))
            .arg(cmd)
            .arg(bad)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{cmd}");
        let err = stderr(&o);
        assert!(err.starts_with("matx: argument `/tmp/"), "{cmd}: {err}");
        assert!(err.contains("is not UTF-8"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}
