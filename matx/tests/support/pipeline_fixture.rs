//! The pipeline tests' fixture: a small text pipeline's ops, its registry, its document, and a temporary directory to save it in (shared by `pipeline.rs` and `pipeline_errors.rs`).
#![allow(dead_code)]

use matx::{Any, OpRegistry, Str};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Ops of a small text pipeline.
pub mod ops {
    use matx::{exc, Any, Dict, Error, List, Op, Resource, Result, Str};
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
                // A path inside a config is a file too: `Resource::from_arg` checks it.
                let text = Resource::from_arg(f.as_str())?.read_to_string()?;
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

    /// The lines of a file.
    pub struct Lines(Vec<Str>);

    #[matx::op(name = "pt.Lines")]
    impl Lines {
        pub fn new(path: Resource) -> Result<Self> {
            let text = path.read_to_string()?;
            Ok(Lines(text.lines().map(Str::from).collect()))
        }
        pub fn get(&self, i: i64) -> Result<Str> {
            self.0
                .get(i as usize)
                .cloned()
                .ok_or_else(|| Error::new(&exc::IndexError, "no such line"))
        }
    }

    /// The text of a file (a file named while the pipeline runs).
    #[matx::op(name = "pt.read_text")]
    pub fn read_text(path: Resource) -> Result<Str> {
        Ok(Str::from(path.read_to_string()?))
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

pub fn registry() -> OpRegistry {
    let mut reg = OpRegistry::new();
    matx::register_ops!(
        &mut reg,
        ops::split_words,
        ops::append_one,
        ops::Vocab,
        ops::Joiner,
        ops::Lines,
        ops::read_text
    )
    .unwrap();
    reg
}

/// A fresh directory under the system temp dir, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
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
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The main test pipeline: every node kind, two objects, a resource in nested args.
pub fn main_doc() -> serde_json::Value {
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

pub const VOCAB: &str = "hello\nworld\n[UNK]\n";

/// Writes a pipeline directory: `pipeline.json` and `resources/vocab.txt`.
pub fn write_pipeline(dir: &Path, doc: &serde_json::Value) {
    std::fs::create_dir_all(dir.join("resources")).unwrap();
    std::fs::write(dir.join("resources/vocab.txt"), VOCAB).unwrap();
    std::fs::write(
        dir.join("pipeline.json"),
        serde_json::to_string_pretty(doc).unwrap(),
    )
    .unwrap();
}

pub fn reprs(values: &[Any]) -> Vec<String> {
    values.iter().map(|v| matx::repr(v).unwrap()).collect()
}

pub fn s(x: &str) -> Any {
    Any::Str(Str::from(x))
}

pub fn feed(texts: &str, n: i64) -> Vec<(&str, Any)> {
    vec![("texts", s(texts)), ("n", Any::Int(n))]
}

pub fn expected(n: i64) -> Vec<String> {
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

/// `e` is of kind `kind` and its message has every one of `words`.
pub fn assert_err(e: &matx::Error, kind: &str, words: &[&str]) {
    assert_eq!(e.kind().name, kind, "{e}");
    for w in words {
        assert!(e.message().contains(w), "{w:?} not in {:?}", e.message());
    }
}
