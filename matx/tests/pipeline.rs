//! `matx::pipeline`: saved pipeline directories loaded into a `Session` and run (ops, objects, builtin nodes, resources after a move, every load and feed error, plain JSON, 16 threads).

use matx::pipeline::{any_to_json, json_text_to_any, json_to_any, Device, Graph, Session};
use matx::{Any, Dict, List, NDArray, Op, OpRegistry, Str};
use serde_json::json;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Ops of a small text pipeline.
pub mod ops {
    use matx::{exc, Any, Dict, Error, List, Op, Result, Str};
    use std::collections::HashMap;

    /// Whitespace-separated words.
    #[matx::op(name = "pt.split_words")]
    pub fn split_words(text: Str) -> List<Str> {
        List::from_vec(text.as_str().split_whitespace().map(Str::from).collect())
    }

    /// Appends 1 to `l` and returns it (changes its argument).
    #[matx::op(name = "pt.append_one")]
    pub fn append_one(l: List<Any>) -> Result<List<Any>> {
        l.append(Any::Int(1))?;
        Ok(l)
    }

    /// Words to ids, from vocabulary files named in a config dict.
    pub struct Vocab {
        ids: HashMap<String, i64>,
        unk: i64,
    }

    #[matx::op(name = "pt.Vocab")]
    impl Vocab {
        /// `config`: `{"files": [path, ...], "unk": token}`.
        pub fn new(config: Dict<Str, Any>) -> Result<Self> {
            let files = config.get_item(&Str::from("files"))?;
            let unk = config.get_item(&Str::from("unk"))?;
            let mut ids = HashMap::new();
            for f in matx::FromAny::from_any(&files).map(|l: List<Str>| l.to_vec())? {
                let text = std::fs::read_to_string(f.as_str()).map_err(|e| {
                    Error::new(&exc::FileNotFoundError, format!("{}: {e}", f.as_str()))
                })?;
                for line in text.lines() {
                    let n = ids.len() as i64;
                    ids.entry(line.to_string()).or_insert(n);
                }
            }
            let unk = match unk {
                Any::Str(s) => *ids.get(s.as_str()).ok_or_else(|| {
                    Error::new(
                        &exc::ValueError,
                        "the unknown token is not in the vocabulary",
                    )
                })?,
                _ => return Err(Error::new(&exc::TypeError, "unk must be a str")),
            };
            Ok(Vocab { ids, unk })
        }
        pub fn __call__(&self, words: List<Str>) -> List<i64> {
            List::from_vec(
                words
                    .to_vec()
                    .iter()
                    .map(|w| *self.ids.get(w.as_str()).unwrap_or(&self.unk))
                    .collect(),
            )
        }
        pub fn size(&self) -> i64 {
            self.ids.len() as i64
        }
    }

    /// Joins ids with a separator; holds a `Vocab` (an object made from an earlier one).
    pub struct Joiner {
        vocab: Op<Vocab>,
        sep: Str,
    }

    #[matx::op(name = "pt.Joiner")]
    impl Joiner {
        pub fn new(vocab: Op<Vocab>, sep: Str) -> Self {
            Joiner { vocab, sep }
        }
        pub fn join(&self, ids: List<i64>) -> Str {
            let parts: Vec<String> = ids.to_vec().iter().map(|i| i.to_string()).collect();
            Str::from(format!(
                "{}/{}",
                parts.join(self.sep.as_str()),
                self.vocab.size()
            ))
        }
    }
}

fn registry() -> OpRegistry {
    let mut reg = OpRegistry::new();
    matx::register_ops!(
        &mut reg,
        ops::split_words,
        ops::append_one,
        ops::Vocab,
        ops::Joiner
    )
    .unwrap();
    reg
}

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "matx-pipeline-{}-{}-{name}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The main test pipeline: every node kind, two objects, a resource in nested args.
fn main_doc() -> serde_json::Value {
    json!({
        "format": "matx.pipeline",
        "version": 1,
        "matx_version": "0.1.0",
        "libraries": [{"name": "pipetest"}],
        "inputs": [{"name": "texts", "type": "str"}, {"name": "n", "type": "int"}],
        "objects": [
            {"id": 0, "op": "pt.Vocab", "library": "pipetest",
             "args": [{"dict": [["files", [{"resource": "resources/vocab.txt"}]], ["unk", "[UNK]"]]}]},
            {"id": 1, "op": "pt.Joiner", "library": "pipetest", "args": [{"object": 0}, "-"]}
        ],
        "nodes": [
            {"id": 0, "kind": "call", "op": "pt.split_words", "library": "pipetest", "args": [{"input": "texts"}]},
            {"id": 1, "kind": "method", "object": 0, "method": "__call__", "args": [{"node": 0}]},
            {"id": 2, "kind": "getitem", "args": [{"node": 1}, {"value": -1}]},
            {"id": 3, "kind": "binop", "operator": "+", "args": [{"node": 2}, {"input": "n"}]},
            {"id": 4, "kind": "list", "args": [{"node": 2}, {"node": 3}, {"value": "x"}]},
            {"id": 5, "kind": "tuple", "args": [{"node": 3}, {"value": {"tuple": [1, {"bytes": "6869"}]}}]},
            {"id": 6, "kind": "dict", "args": [{"value": "ids"}, {"node": 1}, {"value": "count"}, {"node": 3}]},
            {"id": 7, "kind": "method", "object": 1, "method": "join", "args": [{"node": 1}]},
            {"id": 8, "kind": "binop", "operator": "in", "args": [{"value": "hello"}, {"node": 0}]},
            {"id": 9, "kind": "binop", "operator": "<", "args": [{"node": 2}, {"value": 2.5}]},
            {"id": 10, "kind": "method", "object": 0, "method": "size", "args": []},
            {"id": 11, "kind": "binop", "operator": "//", "args": [{"input": "n"}, {"value": 2}]},
            {"id": 12, "kind": "call", "op": "pt.append_one", "library": "pipetest", "args": [{"value": []}]},
            {"id": 13, "kind": "getitem", "args": [{"node": 6}, {"value": "count"}]}
        ],
        "outputs": [
            {"node": 1}, {"node": 3}, {"node": 4}, {"node": 5}, {"node": 6}, {"node": 7},
            {"node": 8}, {"node": 9}, {"node": 10}, {"node": 11}, {"node": 12}, {"node": 13},
            {"value": {"set": [{"float": "inf"}]}}, {"object": 1}
        ]
    })
}

const VOCAB: &str = "hello\nworld\n[UNK]\n";

/// Writes a pipeline directory: `pipeline.json` and `resources/vocab.txt`.
fn write_pipeline(dir: &Path, doc: &serde_json::Value) {
    std::fs::create_dir_all(dir.join("resources")).unwrap();
    std::fs::write(dir.join("resources/vocab.txt"), VOCAB).unwrap();
    std::fs::write(
        dir.join("pipeline.json"),
        serde_json::to_string_pretty(doc).unwrap(),
    )
    .unwrap();
}

fn reprs(values: &[Any]) -> Vec<String> {
    values.iter().map(|v| matx::repr(v).unwrap()).collect()
}

fn s(x: &str) -> Any {
    Any::Str(Str::from(x))
}

fn feed(texts: &str, n: i64) -> Vec<(&str, Any)> {
    vec![("texts", s(texts)), ("n", Any::Int(n))]
}

fn expected(n: i64) -> Vec<String> {
    vec![
        "[0, 1, 2]".to_string(),
        format!("{}", 2 + n),
        format!("[2, {}, 'x']", 2 + n),
        format!("({}, (1, b'hi'))", 2 + n),
        format!("{{'ids': [0, 1, 2], 'count': {}}}", 2 + n),
        "'0-1-2/3'".to_string(),
        "True".to_string(),
        "True".to_string(),
        "3".to_string(),
        format!("{}", n.div_euclid(2)),
        "[1]".to_string(),
        format!("{}", 2 + n),
        "{inf}".to_string(),
        "<pt.Joiner object>".to_string(),
    ]
}

#[test]
fn runs_ops_objects_and_builtin_nodes() {
    let tmp = TempDir::new("main");
    write_pipeline(tmp.path(), &main_doc());
    let session = Session::load_with(tmp.path(), Device::Cpu, &registry()).unwrap();
    assert_eq!(
        session.inputs(),
        &[
            ("texts".to_string(), "str".to_string()),
            ("n".to_string(), "int".to_string())
        ]
    );
    assert_eq!(session.outputs_len(), 14);
    assert_eq!(session.libraries(), &[("pipetest".to_string(), None)]);
    assert_eq!(session.device(), Device::Cpu);
    let g = session.graph();
    assert_eq!((g.objects.len(), g.nodes.len()), (2, 14));
    assert_eq!(
        g.nodes[3].kind,
        matx::pipeline::NodeKind::BinOp(matx::pipeline::BinOp::Add)
    );
    assert_eq!(g.resources.len(), 1);
    assert!(g.edges().contains(&matx::pipeline::Edge {
        from: matx::pipeline::Source::Input(0),
        to: matx::pipeline::Target::Node { node: 0, arg: 0 },
    }));

    let out = session.run(&feed("hello world foo", 5)).unwrap();
    assert_eq!(reprs(&out), expected(5));
    // The mutable constant is fresh in every run; the object is the one made at load.
    let again = session.run(&feed("hello world foo", -7)).unwrap();
    assert_eq!(reprs(&again), expected(-7));
    assert!(
        matches!((&out[13], &again[13]), (Any::Object(a), Any::Object(b)) if std::sync::Arc::ptr_eq(a, b))
    );

    let map: HashMap<String, Any> = [
        ("n".to_string(), Any::Int(1)),
        ("texts".to_string(), s("hello world foo")),
    ]
    .into_iter()
    .collect();
    assert_eq!(reprs(&session.run_map(&map).unwrap()), expected(1));
    assert_eq!(
        reprs(
            &session
                .run_args(&[s("hello world foo"), Any::Bool(true)])
                .unwrap()
        ),
        expected(1)
    );
    // An op's own exception comes out as raised.
    let e = session.run(&feed("", 1)).unwrap_err();
    assert_eq!(e.kind().name, "IndexError");
}

#[test]
fn resources_resolve_after_the_directory_moves() {
    let tmp = TempDir::new("move");
    let first = tmp.path().join("saved");
    let moved = tmp.path().join("moved-elsewhere");
    write_pipeline(&first, &main_doc());
    std::fs::rename(&first, &moved).unwrap();
    assert!(!first.exists());
    let session = Session::load_with(&moved, Device::Cpu, &registry()).unwrap();
    let res = &session.graph().resources[0];
    assert_eq!(res.path, "resources/vocab.txt");
    assert_eq!(
        res.resolved,
        std::fs::canonicalize(moved.join("resources/vocab.txt")).unwrap()
    );
    assert_eq!(
        reprs(&session.run(&feed("world hello", 0)).unwrap())[0],
        "[1, 0]"
    );
}

#[test]
fn load_uses_the_global_registry() {
    let tmp = TempDir::new("global");
    write_pipeline(tmp.path(), &main_doc());
    registry_into_global();
    let session = Session::load(tmp.path(), Device::parse("cpu").unwrap()).unwrap();
    assert_eq!(
        reprs(&session.run(&feed("hello world foo", 5)).unwrap()),
        expected(5)
    );
}

fn registry_into_global() {
    let mut g = matx::registry::global().write();
    matx::register_ops!(
        &mut *g,
        ops::split_words,
        ops::append_one,
        ops::Vocab,
        ops::Joiner
    )
    .unwrap();
}

#[test]
fn from_json_resolves_resources_against_dir() {
    let tmp = TempDir::new("fromjson");
    write_pipeline(tmp.path(), &main_doc());
    let text = main_doc().to_string();
    let session = Session::from_json(&text, tmp.path(), Device::Cpu, &registry()).unwrap();
    assert_eq!(
        reprs(&session.run(&feed("hello world foo", 5)).unwrap()),
        expected(5)
    );
    // A graph with no resources needs no directory at all.
    let plain = json!({"format": "matx.pipeline", "version": 1,
        "inputs": [{"name": "a", "type": "Any"}], "nodes": [], "outputs": [{"input": "a"}, {"value": 1}]});
    let session = Session::from_json(
        &plain.to_string(),
        Path::new("/nonexistent"),
        Device::Cpu,
        &OpRegistry::new(),
    )
    .unwrap();
    assert_eq!(
        reprs(&session.run(&[("a", Any::None)]).unwrap()),
        vec!["None", "1"]
    );
}

#[test]
fn run_json_speaks_plain_json() {
    let doc = json!({"format": "matx.pipeline", "version": 1,
        "inputs": [{"name": "texts", "type": "str"}, {"name": "w", "type": "float"}],
        "nodes": [
            {"id": 0, "kind": "call", "op": "pt.split_words", "args": [{"input": "texts"}]},
            {"id": 1, "kind": "binop", "operator": "*", "args": [{"input": "w"}, {"value": 2}]},
            {"id": 2, "kind": "tuple", "args": [{"node": 1}, {"value": null}]}
        ],
        "outputs": [{"node": 0}, {"node": 2}, {"value": {"set": []}}]});
    let session =
        Session::from_json(&doc.to_string(), Path::new("."), Device::Cpu, &registry()).unwrap();
    let e = session
        .run_json(r#"{"texts": "a b", "w": 1.5}"#)
        .unwrap_err();
    assert_eq!(e.kind().name, "TypeError");
    assert_eq!(e.message(), "Object of type set is not JSON serializable");
    let mut doc = doc;
    doc["outputs"] = json!([{"node": 0}, {"node": 2}]);
    let session =
        Session::from_json(&doc.to_string(), Path::new("."), Device::Cpu, &registry()).unwrap();
    assert_eq!(
        session.run_json(r#"{"texts": "a b", "w": 1.5}"#).unwrap(),
        r#"[["a","b"],[3.0,null]]"#
    );
    // An int is a float input (passed unchanged, as Python does).
    assert_eq!(
        session.run_json(r#"{"w": 2, "texts": ""}"#).unwrap(),
        r#"[[],[4,null]]"#
    );
    for (feed, kind) in [
        ("[1]", "FeedError"),
        ("{\"texts\": 1, \"w\": 1}", "FeedError"),
        ("{", "ValueError"),
    ] {
        assert_eq!(
            session.run_json(feed).unwrap_err().kind().name,
            kind,
            "{feed}"
        );
    }
}

/// Loads `doc` (written with the vocabulary) and returns the error.
fn load_err(doc: &serde_json::Value, reg: &OpRegistry) -> matx::Error {
    let tmp = TempDir::new("err");
    write_pipeline(tmp.path(), doc);
    Session::load_with(tmp.path(), Device::Cpu, reg).unwrap_err()
}

fn load_text_err(text: &str) -> matx::Error {
    let tmp = TempDir::new("errtext");
    std::fs::write(tmp.path().join("pipeline.json"), text).unwrap();
    Session::load_with(tmp.path(), Device::Cpu, &registry()).unwrap_err()
}

#[track_caller]
fn assert_err(e: &matx::Error, kind: &str, words: &[&str]) {
    assert_eq!(e.kind().name, kind, "{e}");
    for w in words {
        assert!(e.message().contains(w), "{w:?} not in {:?}", e.message());
    }
}

#[test]
fn damaged_documents_are_format_errors() {
    let full = serde_json::to_string_pretty(&main_doc()).unwrap();
    let e = load_text_err("{not json");
    assert_err(
        &e,
        "PipelineFormatError",
        &["pipeline.json", "not valid JSON", "line 1 column 2"],
    );
    assert!(e.is_instance(&matx::exc::ValueError));
    let e = load_text_err(&full[..full.len() / 2]);
    assert_err(&e, "PipelineFormatError", &["truncated", "EOF", "line"]);
    assert_err(
        &load_text_err("[1, 2]"),
        "PipelineFormatError",
        &["not a JSON object"],
    );
    assert_err(
        &load_text_err("{}"),
        "PipelineFormatError",
        &["no \"format\" field"],
    );

    let edit = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut d = main_doc();
        f(&mut d);
        load_err(&d, &registry())
    };
    let e = edit(&|d| {
        d.as_object_mut().unwrap().remove("nodes");
    });
    assert_err(
        &e,
        "PipelineFormatError",
        &["missing field `nodes`", "line"],
    );
    let e = edit(&|d| d["inputs"] = json!({}));
    assert_err(&e, "PipelineFormatError", &["invalid type", "line"]);
    let e = edit(&|d| d["nodes"][0]["args"] = json!([{"node": 1}]));
    assert_err(
        &e,
        "PipelineFormatError",
        &[
            "node 0 (call) args[0]",
            "node 1 does not exist before this point",
        ],
    );
    let e = edit(&|d| d["outputs"] = json!([{"node": 99}]));
    assert_err(&e, "PipelineFormatError", &["outputs[0]", "node 99"]);
    let e = edit(&|d| d["nodes"][1]["object"] = json!(5));
    assert_err(
        &e,
        "PipelineFormatError",
        &["node 1 (method)", "object 5 does not exist"],
    );
    let e = edit(&|d| d["nodes"][0]["args"] = json!([{"input": "nope"}]));
    assert_err(&e, "PipelineFormatError", &["input 'nope' is not declared"]);
    let e = edit(&|d| d["objects"][0]["args"] = json!([{"object": 1}]));
    assert_err(
        &e,
        "PipelineFormatError",
        &["object 0 args[0]", "object 1 does not exist"],
    );
    let e = edit(&|d| d["nodes"][2]["id"] = json!(7));
    assert_err(&e, "PipelineFormatError", &["nodes[2] has id 7"]);
    let e = edit(&|d| d["nodes"][2]["kind"] = json!("slice"));
    assert_err(&e, "PipelineFormatError", &["unknown kind 'slice'"]);
    let e = edit(&|d| d["nodes"][3]["operator"] = json!("@"));
    assert_err(&e, "PipelineFormatError", &["unknown operator '@'"]);
    let e = edit(&|d| d["nodes"][2]["args"] = json!([{"node": 1}]));
    assert_err(&e, "PipelineFormatError", &["takes 2 args, not 1"]);
    let e = edit(&|d| d["inputs"][0]["type"] = json!("string"));
    assert_err(&e, "PipelineFormatError", &["unknown type 'string'"]);
    let e = edit(&|d| d["nodes"][0]["library"] = json!("other"));
    assert_err(
        &e,
        "PipelineFormatError",
        &["node 0: library 'other' is not declared"],
    );
    // A method node's `library` is ignored: the method belongs to its object's class.
    let mut d = main_doc();
    d["nodes"][1]["library"] = json!("other");
    let tmp = TempDir::new("methodlib");
    write_pipeline(tmp.path(), &d);
    assert!(Session::load_with(tmp.path(), Device::Cpu, &registry()).is_ok());
    let e = edit(&|d| d["objects"][0]["library"] = json!("other"));
    assert_err(
        &e,
        "PipelineFormatError",
        &["library 'other' is not declared"],
    );
    let e = edit(&|d| d["nodes"][2]["args"][1] = json!({"value": {"weird": 1}}));
    assert_err(&e, "PipelineFormatError", &["unknown value tag 'weird'"]);
    let e = edit(&|d| d["nodes"][2]["args"][1] = json!({"value": 1, "node": 0}));
    assert_err(&e, "PipelineFormatError", &["line"]);
    let text = full.replace("\"value\": -1", "\"value\": 99999999999999999999");
    assert_err(
        &load_text_err(&text),
        "PipelineFormatError",
        &["99999999999999999999", "out of range", "line"],
    );
}

#[test]
fn unknown_formats_and_versions_are_version_errors() {
    let mut d = main_doc();
    d["version"] = json!(2);
    let e = load_err(&d, &registry());
    assert_err(
        &e,
        "PipelineVersionError",
        &["version 2", "reads format \"matx.pipeline\" version 1"],
    );
    assert!(e.is_instance(&matx::exc::ValueError));
    let mut d = main_doc();
    d["format"] = json!("tf.savedmodel");
    assert_err(
        &load_err(&d, &registry()),
        "PipelineVersionError",
        &["unknown format \"tf.savedmodel\""],
    );
    let mut d = main_doc();
    d["version"] = json!("1");
    assert_err(
        &load_err(&d, &registry()),
        "PipelineFormatError",
        &["\"version\" must be an integer"],
    );
}

#[test]
fn missing_ops_are_op_not_found_errors() {
    let e = load_err(&main_doc(), &OpRegistry::new());
    assert_err(
        &e,
        "OpNotFoundError",
        &[
            "op 'pt.Vocab' from library 'pipetest' is not registered in this host",
            "import the Python module pipetest",
            "matx::register_ops!",
        ],
    );
    assert!(e.is_instance(&matx::exc::LookupError));
    let mut classes_only = OpRegistry::new();
    matx::register_ops!(&mut classes_only, ops::Vocab, ops::Joiner).unwrap();
    assert_err(
        &load_err(&main_doc(), &classes_only),
        "OpNotFoundError",
        &["op 'pt.split_words' from library 'pipetest'"],
    );
    let mut d = main_doc();
    d["nodes"][10]["method"] = json!("vocab_size");
    assert_err(
        &load_err(&d, &registry()),
        "OpNotFoundError",
        &["method 'vocab_size' of op 'pt.Vocab'", "__call__, size"],
    );
    let mut d = main_doc();
    d["nodes"][0]["op"] = json!("pt.Vocab");
    assert_err(
        &load_err(&d, &registry()),
        "OpNotFoundError",
        &["registered in this host as a class"],
    );
}

#[test]
fn missing_resources_and_unsafe_paths() {
    let set_resource = |path: &str| {
        let mut d = main_doc();
        d["objects"][0]["args"] =
            json!([{"dict": [["files", [{"resource": path}]], ["unk", "[UNK]"]]}]);
        d
    };
    let e = load_err(&set_resource("resources/missing.txt"), &registry());
    assert_err(
        &e,
        "ResourceNotFoundError",
        &["resource 'resources/missing.txt' not found"],
    );
    assert!(e.is_instance(&matx::exc::FileNotFoundError));
    for bad in [
        "../../etc/passwd",
        "/etc/passwd",
        "resources/../../x",
        "..\\x",
    ] {
        let e = load_err(&set_resource(bad), &registry());
        assert_err(&e, "UnsafePathError", &[bad]);
        assert!(e.is_instance(&matx::exc::ValueError));
    }
    // A symbolic link inside the directory that resolves outside it.
    let outside = TempDir::new("outside");
    std::fs::write(outside.path().join("secret.txt"), "hello\n[UNK]\n").unwrap();
    let tmp = TempDir::new("symlink");
    write_pipeline(tmp.path(), &set_resource("resources/link.txt"));
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        tmp.path().join("resources/link.txt"),
    )
    .unwrap();
    let e = Session::load_with(tmp.path(), Device::Cpu, &registry()).unwrap_err();
    assert_err(
        &e,
        "UnsafePathError",
        &[
            "resources/link.txt",
            "outside the pipeline directory",
            "symbolic link",
        ],
    );
    // Native libraries are held to the same rule.
    let mut d = main_doc();
    d["libraries"] = json!([{"name": "pipetest", "native": "../libpipetest.so"}]);
    assert_err(
        &load_err(&d, &registry()),
        "UnsafePathError",
        &["native library path '../libpipetest.so'"],
    );
    d["libraries"] = json!([{"name": "pipetest", "native": "lib/libpipetest.so"}]);
    assert_err(
        &load_err(&d, &registry()),
        "ResourceNotFoundError",
        &["native library 'lib/libpipetest.so'"],
    );
    let tmp = TempDir::new("native");
    write_pipeline(tmp.path(), &d);
    std::fs::create_dir_all(tmp.path().join("lib")).unwrap();
    std::fs::write(tmp.path().join("lib/libpipetest.so"), b"").unwrap();
    let graph = Graph::load(tmp.path()).unwrap();
    let native = graph.libraries[0].native_path.clone().unwrap();
    assert!(native.is_absolute() && native.ends_with("lib/libpipetest.so"));
    // A directory with no pipeline.json.
    let empty = TempDir::new("empty");
    assert_err(
        &Session::load_with(empty.path(), Device::Cpu, &registry()).unwrap_err(),
        "FileNotFoundError",
        &["pipeline.json not found"],
    );
}

#[test]
fn bad_feeds_are_feed_errors() {
    let tmp = TempDir::new("feed");
    write_pipeline(tmp.path(), &main_doc());
    let session = Session::load_with(tmp.path(), Device::Cpu, &registry()).unwrap();
    let e = session.run(&[("texts", s("a"))]).unwrap_err();
    assert_err(
        &e,
        "FeedError",
        &["missing input 'n' (int)", "(texts: str, n: int)"],
    );
    assert!(e.is_instance(&matx::exc::TypeError));
    let e = session
        .run(&[("texts", s("a")), ("n", Any::Int(1)), ("extra", Any::None)])
        .unwrap_err();
    assert_err(&e, "FeedError", &["unexpected input 'extra'"]);
    let e = session
        .run(&[("texts", Any::Int(3)), ("n", Any::Int(1))])
        .unwrap_err();
    assert_err(&e, "FeedError", &["input 'texts' must be str, got int"]);
    let e = session
        .run(&[("texts", s("a")), ("n", Any::Float(1.0))])
        .unwrap_err();
    assert_err(&e, "FeedError", &["input 'n' must be int, got float"]);
    let e = session
        .run(&[("texts", s("a")), ("n", Any::None)])
        .unwrap_err();
    assert_err(&e, "FeedError", &["must be int, got None"]);
    let e = session
        .run(&[("texts", s("a")), ("texts", s("b")), ("n", Any::Int(1))])
        .unwrap_err();
    assert_err(&e, "FeedError", &["input 'texts' is given twice"]);
    let e = session.run_args(&[s("a")]).unwrap_err();
    assert_err(&e, "FeedError", &["takes 2 inputs", "got 1"]);
}

#[test]
fn plain_json_round_trips() {
    let v = json!({"b": [1, 2.5, "x", null, true], "a": {"nested": []}});
    let a = json_to_any(&v).unwrap();
    assert_eq!(
        matx::repr(&a).unwrap(),
        "{'b': [1, 2.5, 'x', None, True], 'a': {'nested': []}}"
    );
    assert_eq!(any_to_json(&a).unwrap(), v);
    assert_eq!(
        any_to_json(&json_text_to_any("[1.0, -0.5e3]").unwrap()).unwrap(),
        json!([1.0, -500.0])
    );
    let t = Any::tuple(vec![Any::Int(1), s("a")]);
    assert_eq!(any_to_json(&t).unwrap(), json!([1, "a"]));
    let nd = NDArray::from_vec(vec![1i32, 2, 3, 4])
        .unwrap()
        .reshape(&[2, 2])
        .unwrap();
    assert_eq!(
        any_to_json(&Any::object(nd)).unwrap(),
        json!([[1, 2], [3, 4]])
    );

    let e = json_to_any(&json!(u64::MAX)).unwrap_err();
    assert_err(
        &e,
        "OverflowError",
        &["18446744073709551615", "out of range"],
    );
    let e = json_text_to_any("[1, 123456789012345678901234567890]").unwrap_err();
    assert_err(
        &e,
        "OverflowError",
        &["123456789012345678901234567890", "line 1 column 5"],
    );
    assert_err(
        &json_text_to_any("[1,").unwrap_err(),
        "ValueError",
        &["invalid JSON", "line 1"],
    );

    assert_err(
        &any_to_json(&Any::Float(f64::NAN)).unwrap_err(),
        "ValueError",
        &["nan"],
    );
    assert_err(
        &any_to_json(&Any::Float(f64::NEG_INFINITY)).unwrap_err(),
        "ValueError",
        &["-inf"],
    );
    let d = Dict::from_pairs(vec![(Any::Int(1), s("x"))]);
    assert_err(
        &any_to_json(&Any::Dict(d)).unwrap_err(),
        "TypeError",
        &["dict keys must be str", "not int"],
    );
    assert_err(
        &any_to_json(&Any::Bytes(matx::Bytes::new(b"x"))).unwrap_err(),
        "TypeError",
        &["bytes"],
    );
    let tmp = TempDir::new("obj");
    std::fs::write(tmp.path().join("v.txt"), VOCAB).unwrap();
    let config = Dict::from_pairs(vec![
        (
            Str::from("files"),
            Any::List(List::from_vec(vec![s(tmp
                .path()
                .join("v.txt")
                .to_str()
                .unwrap())])),
        ),
        (Str::from("unk"), s("[UNK]")),
    ]);
    let vocab = Op::new(ops::Vocab::new(config).unwrap());
    let e = any_to_json(&matx::ToAny::to_any(&vocab)).unwrap_err();
    assert_err(
        &e,
        "TypeError",
        &["Object of type pt.Vocab is not JSON serializable"],
    );
    // A list that contains itself is an error, not a stack overflow.
    let l = List::<Any>::new();
    l.append(Any::List(l.clone())).unwrap();
    assert_err(
        &any_to_json(&Any::List(l.clone())).unwrap_err(),
        "ValueError",
        &["deeper"],
    );
    l.clear().unwrap();
}

#[test]
fn sixteen_threads_share_one_session() {
    let tmp = TempDir::new("threads");
    write_pipeline(tmp.path(), &main_doc());
    let session = Session::load_with(tmp.path(), Device::Cpu, &registry()).unwrap();
    const THREADS: usize = 16;
    const PER_THREAD: usize = 6_250;
    let texts = ["hello world foo", "world", "foo bar hello hello", "hello"];
    let case = |i: usize| (texts[i % texts.len()], (i % 37) as i64 - 18);
    // The sequential reference.
    let reference: Vec<Vec<String>> = (0..THREADS * PER_THREAD)
        .map(|i| {
            let (t, n) = case(i);
            reprs(&session.run(&feed(t, n)).unwrap())
        })
        .collect();
    let session = &session;
    let reference = &reference;
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                scope.spawn(move || {
                    let mut mismatches = 0;
                    for k in 0..PER_THREAD {
                        let i = t * PER_THREAD + k;
                        let (text, n) = case(i);
                        let out = reprs(&session.run(&feed(text, n)).unwrap());
                        if out != reference[i] {
                            mismatches += 1;
                        }
                    }
                    mismatches
                })
            })
            .collect();
        for h in handles {
            assert_eq!(h.join().unwrap(), 0);
        }
    });
}

#[test]
fn hand_built_graphs_are_checked_too() {
    use matx::pipeline::{NodeKind, Ref, Value};
    let tmp = TempDir::new("handbuilt");
    write_pipeline(tmp.path(), &main_doc());
    let graph = Graph::load(tmp.path()).unwrap();
    let mut g = graph.clone();
    g.nodes[2].args[0] = Ref::Node(10);
    let e = Session::from_graph(g, Device::Cpu, &registry()).unwrap_err();
    assert_err(
        &e,
        "PipelineFormatError",
        &["node 2 (getitem)", "node 10 does not exist"],
    );
    let mut g = graph.clone();
    g.nodes[6].args.pop();
    let e = Session::from_graph(g, Device::Cpu, &registry()).unwrap_err();
    assert_err(&e, "PipelineFormatError", &["node 6 (dict)", "even number"]);
    let mut g = graph.clone();
    g.nodes[1].kind = NodeKind::Method {
        object: 9,
        method: "size".into(),
    };
    let e = Session::from_graph(g, Device::Cpu, &registry()).unwrap_err();
    assert_err(&e, "PipelineFormatError", &["object 9"]);
    let mut g = graph;
    g.objects[0].args = vec![Value::Object(1)];
    let e = Session::from_graph(g, Device::Cpu, &registry()).unwrap_err();
    assert_err(
        &e,
        "PipelineFormatError",
        &["object 1 is referred to before it is made"],
    );
}
