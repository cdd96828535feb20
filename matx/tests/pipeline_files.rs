//! `matx::pipeline` and `matx::Resource`: a saved pipeline reads only regular files inside its directory, of bounded size; paths an op is given while a pipeline loads or runs are checked like `{"resource": ...}` (issue 12: a bare string read `/etc/passwd`, a FIFO hung every host).

use matx::pipeline::{Device, Graph, Session};
use matx::{Any, Resource};
use serde_json::json;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

#[path = "support/pipeline_fixture.rs"]
mod fixture;
use fixture::*;

/// A pipeline making one `pt.Lines` object from `arg` and returning its first line.
fn lines_doc(arg: serde_json::Value) -> serde_json::Value {
    json!({
        "format": "matx.pipeline", "version": 1,
        "libraries": [{"name": "pipetest"}],
        "inputs": [],
        "objects": [{"id": 0, "op": "pt.Lines", "library": "pipetest", "args": [arg]}],
        "nodes": [{"id": 0, "kind": "method", "object": 0, "method": "get", "args": [{"value": 0}]}],
        "outputs": [{"node": 0}]
    })
}

fn load(dir: &Path, doc: &serde_json::Value) -> matx::Result<Session> {
    write_pipeline(dir, doc);
    Session::load_with(dir, Device::Cpu, &registry())
}

#[track_caller]
fn assert_kind(r: matx::Result<Session>, kind: &str, words: &[&str]) {
    let e = r.expect_err("an error");
    assert_eq!(e.kind().name, kind, "{e}");
    for w in words {
        assert!(e.message().contains(w), "{w:?} not in {e}");
    }
}

/// Runs `f` on another thread: a hang fails the test instead of stopping it.
#[track_caller]
fn within_10s<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(10))
        .expect("hung: a pipeline must never block on a file")
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

#[test]
fn a_bare_string_path_outside_the_directory_is_refused() {
    let tmp = TempDir::new("bare");
    // The finding: a plain string handed to an op that opens files read any file.
    for outside in ["/etc/passwd", "/dev/zero", "/nonexistent/file"] {
        assert_kind(
            load(tmp.path(), &lines_doc(json!(outside))),
            "UnsafePathError",
            &[outside, "outside the pipeline directory"],
        );
    }
    assert_kind(
        load(tmp.path(), &lines_doc(json!("../escape.txt"))),
        "UnsafePathError",
        &["leaves the pipeline directory"],
    );
    // A path inside a config dict is checked the same way (the fixture's pt.Vocab).
    let mut doc = main_doc();
    doc["objects"][0]["args"] = json!([{"dict": [["files", ["/etc/passwd"]], ["unk", "root"]]}]);
    assert_kind(load(tmp.path(), &doc), "UnsafePathError", &["/etc/passwd"]);
}

#[test]
fn a_bare_string_path_inside_the_directory_is_a_resource() {
    let tmp = TempDir::new("inside");
    let s = load(tmp.path(), &lines_doc(json!("resources/vocab.txt"))).unwrap();
    assert_eq!(reprs(&s.run(&[]).unwrap()), ["'hello'"]);
    let abs = std::fs::canonicalize(tmp.path().join("resources/vocab.txt")).unwrap();
    let s = load(tmp.path(), &lines_doc(json!(abs.to_str().unwrap()))).unwrap();
    assert_eq!(reprs(&s.run(&[]).unwrap()), ["'hello'"]);
    assert_kind(
        load(tmp.path(), &lines_doc(json!("resources/missing.txt"))),
        "ResourceNotFoundError",
        &["missing.txt"],
    );
}

#[test]
fn a_path_fed_at_run_time_is_checked_too() {
    let tmp = TempDir::new("fed");
    let doc = json!({
        "format": "matx.pipeline", "version": 1,
        "libraries": [{"name": "pipetest"}],
        "inputs": [{"name": "path", "type": "str"}],
        "nodes": [{"id": 0, "kind": "call", "op": "pt.read_text", "library": "pipetest",
                   "args": [{"input": "path"}]}],
        "outputs": [{"node": 0}]
    });
    let s = load(tmp.path(), &doc).unwrap();
    let e = s
        .run(&[("path", Any::Str("/etc/passwd".into()))])
        .unwrap_err();
    assert_eq!(e.kind().name, "UnsafePathError", "{e}");
    let out = s
        .run(&[("path", Any::Str("resources/vocab.txt".into()))])
        .unwrap();
    assert_eq!(reprs(&out), [format!("{:?}", VOCAB).replace('"', "'")]);
}

#[test]
fn the_host_names_any_file() {
    // Outside a pipeline a path is the host's own: used as given.
    let tmp = TempDir::new("host");
    let f = tmp.path().join("words.txt");
    std::fs::write(&f, "a\nb\n").unwrap();
    let r = Resource::from_arg(f.to_str().unwrap()).unwrap();
    assert_eq!(r.read_to_string().unwrap(), "a\nb\n");
    assert_eq!(r.path(), f);
    let dir = Resource::from_host(tmp.path());
    assert_eq!(dir.join("words.txt").unwrap().read().unwrap(), b"a\nb\n");
    assert_eq!(dir.join("../x").unwrap_err().kind().name, "UnsafePathError");
    let e = r.read_limited(2).unwrap_err();
    assert_eq!(e.kind().name, "ValueError", "{e}");
    assert!(e.message().contains("more than the 2 bytes"), "{e}");
    // A traced graph the host made keeps the host's paths.
    let text = lines_doc(json!(f.to_str().unwrap())).to_string();
    let other = TempDir::new("host-other");
    let g = Graph::from_json(&text, other.path()).unwrap();
    let s = Session::from_graph(g.clone(), Device::Cpu, &registry());
    assert_eq!(s.unwrap_err().kind().name, "UnsafePathError");
    let s = Session::from_graph(g.trust_host_paths(), Device::Cpu, &registry()).unwrap();
    assert_eq!(reprs(&s.run(&[]).unwrap()), ["'a'"]);
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_refused_without_blocking() {
    let tmp = TempDir::new("fifo");
    write_pipeline(tmp.path(), &lines_doc(json!("resources/vocab.txt")));
    mkfifo(&tmp.path().join("resources/pipe"));
    // A FIFO as a resource, as a bare path, and as a native library.
    for doc in [
        lines_doc(json!({"resource": "resources/pipe"})),
        lines_doc(json!("resources/pipe")),
    ] {
        let dir = tmp.path().to_path_buf();
        let r = within_10s(move || load(&dir, &doc).map(|_| ()).unwrap_err());
        assert_eq!(r.kind().name, "UnsafePathError", "{r}");
        assert!(r.message().contains("a FIFO"), "{r}");
    }
    let mut doc = lines_doc(json!("resources/vocab.txt"));
    doc["libraries"][0]["native"] = json!("resources/pipe");
    let dir = tmp.path().to_path_buf();
    let e = within_10s(move || load(&dir, &doc).map(|_| ()).unwrap_err());
    assert_eq!(e.kind().name, "UnsafePathError", "{e}");
    // A resource that links to a device leaves the directory.
    std::os::unix::fs::symlink("/dev/zero", tmp.path().join("resources/zero")).unwrap();
    let dir = tmp.path().to_path_buf();
    let e = within_10s(move || {
        load(&dir, &lines_doc(json!({"resource": "resources/zero"})))
            .map(|_| ())
            .unwrap_err()
    });
    assert_eq!(e.kind().name, "UnsafePathError", "{e}");
    // Resource::open itself never blocks on a FIFO, whoever named it.
    let fifo = tmp.path().join("resources/pipe");
    let e = within_10s(move || Resource::from_host(fifo).read().unwrap_err());
    assert_eq!(e.kind().name, "UnsafePathError", "{e}");
    assert!(e.message().contains("a FIFO, not a regular file"), "{e}");
    let e = within_10s(|| Resource::from_host("/dev/zero").read().unwrap_err());
    assert!(e.message().contains("a character device"), "{e}");
}

#[cfg(unix)]
#[test]
fn pipeline_json_is_a_bounded_regular_file_inside_the_directory() {
    let tmp = TempDir::new("doc");
    let file = tmp.path().join("pipeline.json");
    // A FIFO: every host, `matx inspect` too (Graph::load), must not block.
    mkfifo(&file);
    let dir = tmp.path().to_path_buf();
    let e = within_10s(move || Graph::load(&dir).unwrap_err());
    assert_eq!(e.kind().name, "UnsafePathError", "{e}");
    assert!(e.message().contains("a FIFO"), "{e}");
    std::fs::remove_file(&file).unwrap();
    // A link to /dev/zero (read until memory ran out) or to a file outside the directory.
    let outside = TempDir::new("doc-outside");
    let other = outside.path().join("pipeline.json");
    std::fs::write(&other, lines_doc(json!("x")).to_string()).unwrap();
    for target in [Path::new("/dev/zero"), other.as_path()] {
        std::os::unix::fs::symlink(target, &file).unwrap();
        let dir = tmp.path().to_path_buf();
        let e = within_10s(move || Graph::load(&dir).unwrap_err());
        assert_eq!(e.kind().name, "UnsafePathError", "{e}");
        assert!(
            e.message().contains("outside the pipeline directory"),
            "{e}"
        );
        std::fs::remove_file(&file).unwrap();
    }
    // Larger than the documented limit (a sparse file: nothing is written).
    let f = std::fs::File::create(&file).unwrap();
    f.set_len(matx::pipeline::MAX_DOCUMENT_BYTES + 1).unwrap();
    let e = Graph::load(tmp.path()).unwrap_err();
    assert_eq!(e.kind().name, "PipelineFormatError", "{e}");
    assert!(
        e.message().contains("larger than the 67108864 bytes"),
        "{e}"
    );
    // A directory named pipeline.json.
    std::fs::remove_file(&file).unwrap();
    std::fs::create_dir(&file).unwrap();
    let e = Graph::load(tmp.path()).unwrap_err();
    assert_eq!(e.kind().name, "UnsafePathError", "{e}");
}

#[test]
fn negative_zero_in_pipeline_json_is_the_int_zero() {
    let tmp = TempDir::new("negzero");
    let doc = json!({
        "format": "matx.pipeline", "version": 1,
        "inputs": [{"name": "x", "type": "Any"}],
        "nodes": [{"id": 0, "kind": "list", "args": [{"value": 0}, {"input": "x"}]}],
        "outputs": [{"node": 0}]
    });
    let text = doc.to_string().replace(r#"{"value":0}"#, r#"{"value":-0}"#);
    assert!(text.contains("-0"), "{text}");
    std::fs::write(tmp.path().join("pipeline.json"), text).unwrap();
    let s = Session::load_with(tmp.path(), Device::Cpu, &registry()).unwrap();
    assert_eq!(s.run_json(r#"{"x": -0}"#).unwrap(), "[[0,0]]");
    assert_eq!(
        reprs(&s.run(&[("x", Any::Float(-0.0))]).unwrap()),
        ["[0, -0.0]"]
    );
}
