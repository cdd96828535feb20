//! The C API (`include/matx.h`) as a C host sees it: `matx::export_c_api!` in this test crate, its `extern "C"` functions called with raw pointers, every error path, and one session shared by threads.

use std::ffi::{c_char, CStr, CString};
use std::path::PathBuf;
use std::ptr;

/// The ops this "library" exports.
mod ops {
    use matx::{exc, Error, List, Result, Str};
    use std::collections::HashMap;

    /// Whitespace-separated words.
    #[matx::op(name = "capi.split_words")]
    pub fn split_words(text: Str) -> List<Str> {
        List::from_vec(text.as_str().split_whitespace().map(Str::from).collect())
    }

    /// An op with a bug: it panics, which must reach C as an error, not unwind into it.
    #[matx::op(name = "capi.explode")]
    pub fn explode(text: Str) -> Result<Str> {
        if text.as_str() == "ok" {
            return Ok(text);
        }
        panic!("exploded on {:?}", text.as_str())
    }

    /// Token ids from a token list given to the constructor.
    pub struct Ids {
        ids: HashMap<String, i64>,
        unk: i64,
    }

    #[matx::op(name = "capi.Ids")]
    impl Ids {
        pub fn new(tokens: List<Str>) -> Result<Self> {
            let tokens = tokens.to_vec();
            let ids: HashMap<String, i64> = tokens
                .iter()
                .enumerate()
                .map(|(i, t)| (t.as_str().to_string(), i as i64))
                .collect();
            let unk = *ids
                .get("[UNK]")
                .ok_or_else(|| Error::new(&exc::ValueError, "no [UNK] token"))?;
            Ok(Ids { ids, unk })
        }
        /// The ids of `words`.
        pub fn lookup(&self, words: List<Str>) -> List<i64> {
            List::from_vec(
                words
                    .to_vec()
                    .iter()
                    .map(|w| self.ids.get(w.as_str()).copied().unwrap_or(self.unk))
                    .collect(),
            )
        }
    }
}

/// What the library registers (the `register =` function of `export_c_api!`).
fn register(reg: &mut matx::OpRegistry) -> matx::Result<()> {
    matx::register_ops!(reg, ops::split_words, ops::explode, ops::Ids)
}

matx::export_c_api!(register = register);

/// A fresh directory holding `pipeline.json` with `json`.
fn pipeline_dir(name: &str, json: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("matx-capi-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("pipeline.json"), json).unwrap();
    dir
}

/// texts → split_words → Ids.lookup → (ids, ids[0]).
const TEXT2IDS: &str = r#"{
  "format": "matx.pipeline",
  "version": 1,
  "matx_version": "0.1.0",
  "libraries": [{"name": "capi"}],
  "inputs": [{"name": "texts", "type": "str"}],
  "objects": [
    {"id": 0, "op": "capi.Ids", "library": "capi", "args": [["hello", "world", "[UNK]"]]}
  ],
  "nodes": [
    {"id": 0, "kind": "call", "op": "capi.split_words", "library": "capi",
     "args": [{"input": "texts"}]},
    {"id": 1, "kind": "method", "object": 0, "method": "lookup", "args": [{"node": 0}]},
    {"id": 2, "kind": "getitem", "args": [{"node": 1}, {"value": 0}]}
  ],
  "outputs": [{"node": 1}, {"node": 2}]
}"#;

fn c(s: &str) -> CString {
    CString::new(s).unwrap()
}

fn last_error() -> Option<String> {
    let p = matx_last_error();
    // SAFETY: a non-NULL pointer from matx_last_error is a NUL-terminated string valid until
    // this thread's next load or run.
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_string())
}

fn last_error_kind() -> Option<String> {
    let p = matx_last_error_kind();
    // SAFETY: as in `last_error`.
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_string())
}

/// A loaded session, freed on drop.
struct Session(*mut matx::pipeline::capi::MatxSession);

// SAFETY: the C API documents sessions as usable from several threads at once; the pointer
// is freed only on drop, after every user is done.
unsafe impl Send for Session {}
// SAFETY: as above.
unsafe impl Sync for Session {}

impl Session {
    fn load(dir: &std::path::Path) -> Session {
        let dir = c(dir.to_str().unwrap());
        let device = c("cpu");
        // SAFETY: both arguments are live NUL-terminated strings.
        let s = unsafe { matx_session_load(dir.as_ptr(), device.as_ptr()) };
        assert!(!s.is_null(), "load failed: {:?}", last_error());
        assert_eq!(last_error(), None);
        Session(s)
    }

    /// `matx_session_run_json` with `feed`: the output JSON, or the last error.
    fn run(&self, feed: &str) -> Result<String, (String, String)> {
        let feed = c(feed);
        self.run_raw(feed.as_ptr())
    }

    fn run_raw(&self, feed: *const c_char) -> Result<String, (String, String)> {
        // SAFETY: the session is live; `feed` is NULL or a live NUL-terminated string.
        let out = unsafe { matx_session_run_json(self.0, feed) };
        if out.is_null() {
            return Err((last_error_kind().unwrap(), last_error().unwrap()));
        }
        assert_eq!(last_error(), None);
        // SAFETY: a non-NULL result is a NUL-terminated string this caller owns.
        let s = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_string();
        // SAFETY: freed once, with the library's own function.
        unsafe { matx_string_free(out) };
        Ok(s)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // SAFETY: the session came from matx_session_load and nobody uses it any more.
        unsafe { matx_session_free(self.0) };
    }
}

/// `matx_session_load` with raw arguments: the last error's kind and text.
fn load_error(dir: *const c_char, device: *const c_char) -> (String, String) {
    // SAFETY: the arguments are NULL or live NUL-terminated strings.
    let s = unsafe { matx_session_load(dir, device) };
    assert!(s.is_null(), "loaded unexpectedly");
    (last_error_kind().unwrap(), last_error().unwrap())
}

#[test]
fn loads_and_runs_a_pipeline() {
    let dir = pipeline_dir("run", TEXT2IDS);
    let s = Session::load(&dir);
    assert_eq!(s.run(r#"{"texts": "hello world"}"#).unwrap(), "[[0,1],0]");
    assert_eq!(
        s.run(r#"{"texts": "world peace hello"}"#).unwrap(),
        "[[1,2,0],1]"
    );
    // SAFETY: matx_version is a static NUL-terminated string.
    let v = unsafe { CStr::from_ptr(matx_version()) };
    assert_eq!(v.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
}

#[test]
fn load_errors_are_reported_not_crashes() {
    let cpu = c("cpu");
    let (kind, msg) = load_error(ptr::null(), cpu.as_ptr());
    assert_eq!(kind, "ValueError");
    assert_eq!(msg, "ValueError: matx_session_load: dir is NULL");

    let dir = pipeline_dir("load-errors", TEXT2IDS);
    let dir_c = c(dir.to_str().unwrap());
    let (kind, msg) = load_error(dir_c.as_ptr(), ptr::null());
    assert_eq!(kind, "ValueError");
    assert_eq!(msg, "ValueError: matx_session_load: device is NULL");

    let not_utf8 = CString::new(b"/tmp/\xff\xfe".to_vec()).unwrap();
    let (kind, msg) = load_error(not_utf8.as_ptr(), cpu.as_ptr());
    assert_eq!(kind, "UnicodeDecodeError");
    assert_eq!(
        msg,
        "UnicodeDecodeError: matx_session_load: dir is not UTF-8: invalid byte at offset 5"
    );

    let missing = c("/nonexistent/matx-capi-pipeline");
    let (kind, msg) = load_error(missing.as_ptr(), cpu.as_ptr());
    assert_eq!(kind, "FileNotFoundError", "{msg}");
    assert!(msg.contains("/nonexistent/matx-capi-pipeline"), "{msg}");

    let (kind, msg) = load_error(dir_c.as_ptr(), c("tpu").as_ptr());
    assert_eq!(kind, "ValueError", "{msg}");
    assert!(msg.contains("tpu"), "{msg}");

    let damaged = pipeline_dir("damaged", "{\"format\": \"matx.pipeline\", ");
    let damaged = c(damaged.to_str().unwrap());
    let (kind, msg) = load_error(damaged.as_ptr(), cpu.as_ptr());
    assert_eq!(kind, "PipelineFormatError", "{msg}");

    // An op the library does not register.
    let unknown = pipeline_dir("unknown-op", &TEXT2IDS.replace("capi.Ids", "capi.Nope"));
    let unknown = c(unknown.to_str().unwrap());
    let (kind, msg) = load_error(unknown.as_ptr(), cpu.as_ptr());
    assert_eq!(kind, "OpNotFoundError", "{msg}");
    assert!(msg.contains("capi.Nope"), "{msg}");

    // A constructor that raises.
    let no_unk = pipeline_dir("no-unk", &TEXT2IDS.replace(", \"[UNK]\"]]", "]]"));
    let no_unk = c(no_unk.to_str().unwrap());
    let (kind, msg) = load_error(no_unk.as_ptr(), cpu.as_ptr());
    assert_eq!(kind, "ValueError", "{msg}");
    assert!(msg.contains("no [UNK] token"), "{msg}");

    // A successful load clears the error.
    let s = Session::load(&dir);
    assert_eq!(last_error(), None);
    assert_eq!(last_error_kind(), None);
    drop(s);
}

#[test]
fn run_errors_are_reported_and_success_clears_them() {
    let dir = pipeline_dir("run-errors", TEXT2IDS);
    let s = Session::load(&dir);

    let (kind, msg) = s.run_raw(ptr::null()).unwrap_err();
    assert_eq!(kind, "ValueError");
    assert_eq!(msg, "ValueError: matx_session_run_json: feed_json is NULL");

    let not_utf8 = CString::new(b"{\"texts\": \"\xc3\"}".to_vec()).unwrap();
    let (kind, msg) = s.run_raw(not_utf8.as_ptr()).unwrap_err();
    assert_eq!(kind, "UnicodeDecodeError", "{msg}");

    let (kind, msg) = s.run(r#"{"texts": "#).unwrap_err();
    assert_eq!(kind, "ValueError");
    assert!(msg.starts_with("ValueError: invalid JSON: "), "{msg}");

    let (kind, msg) = s.run(r#"["hello"]"#).unwrap_err();
    assert_eq!(kind, "FeedError");
    assert!(msg.contains("must be a JSON object"), "{msg}");

    let (kind, msg) = s.run("{}").unwrap_err();
    assert_eq!(kind, "FeedError");
    assert!(msg.contains("texts"), "{msg}");

    let (kind, msg) = s.run(r#"{"texts": "a", "extra": 1}"#).unwrap_err();
    assert_eq!(kind, "FeedError");
    assert!(msg.contains("extra"), "{msg}");

    let (kind, msg) = s.run(r#"{"texts": 3}"#).unwrap_err();
    assert_eq!(kind, "FeedError");
    assert!(msg.contains("texts"), "{msg}");

    // The error stays until the next load or run; reading it twice gives the same text.
    assert_eq!(last_error(), Some(msg.clone()));
    assert_eq!(last_error(), Some(msg));

    assert_eq!(s.run(r#"{"texts": "hello"}"#).unwrap(), "[[0],0]");
    assert_eq!(last_error(), None);
    assert_eq!(last_error_kind(), None);

    // A NULL session is an error; NULL frees are no-ops.
    let feed = c("{}");
    // SAFETY: NULL is a documented argument.
    let out = unsafe { matx_session_run_json(ptr::null(), feed.as_ptr()) };
    assert!(out.is_null());
    assert_eq!(
        last_error().unwrap(),
        "ValueError: matx_session_run_json: session is NULL"
    );
    // SAFETY: NULL is a documented argument.
    unsafe {
        matx_session_free(ptr::null_mut());
        matx_string_free(ptr::null_mut());
    }
}

#[test]
fn a_panicking_op_is_an_internal_error() {
    let json = r#"{
      "format": "matx.pipeline", "version": 1, "matx_version": "0.1.0",
      "libraries": [{"name": "capi"}],
      "inputs": [{"name": "text", "type": "str"}],
      "objects": [],
      "nodes": [{"id": 0, "kind": "call", "op": "capi.explode", "library": "capi",
                 "args": [{"input": "text"}]}],
      "outputs": [{"node": 0}]
    }"#;
    let dir = pipeline_dir("panic", json);
    let s = Session::load(&dir);
    let (kind, msg) = s.run(r#"{"text": "boom"}"#).unwrap_err();
    assert_eq!(kind, "InternalError");
    assert!(msg.starts_with("InternalError: "), "{msg}");
    assert!(msg.contains("exploded on \"boom\""), "{msg}");
    // The session still works after the caught panic.
    assert_eq!(s.run(r#"{"text": "ok"}"#).unwrap(), "[\"ok\"]");
}

#[test]
fn one_session_runs_on_many_threads() {
    let dir = pipeline_dir("threads", TEXT2IDS);
    let s = Session::load(&dir);
    let words = ["hello", "world", "other"];
    std::thread::scope(|scope| {
        for t in 0..8usize {
            let s = &s;
            scope.spawn(move || {
                for i in 0..200usize {
                    let a = words[(t + i) % 3];
                    let b = words[(t * 7 + i) % 3];
                    let id = |w: &str| match w {
                        "hello" => 0,
                        "world" => 1,
                        _ => 2,
                    };
                    let out = s.run(&format!(r#"{{"texts": "{a} {b}"}}"#)).unwrap();
                    assert_eq!(out, format!("[[{},{}],{}]", id(a), id(b), id(a)));
                    if i % 50 == 0 {
                        // Errors are per thread: this one's does not leak into the others.
                        assert!(s.run("{").is_err());
                    }
                }
            });
        }
    });
}

#[test]
fn registration_runs_once_and_its_error_is_kept() {
    use matx::pipeline::capi::init_once;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::OnceLock;

    static CALLS: AtomicUsize = AtomicUsize::new(0);
    static FAILED: OnceLock<matx::Result<()>> = OnceLock::new();
    for _ in 0..3 {
        let e = init_once(&FAILED, || {
            CALLS.fetch_add(1, Ordering::SeqCst);
            Err(matx::Error::new(
                &matx::exc::ValueError,
                "two ops named 'x'",
            ))
        })
        .unwrap_err();
        assert_eq!(e.kind().name, "ValueError");
        assert_eq!(
            e.message(),
            "the library's ops could not be registered: ValueError: two ops named 'x'"
        );
    }
    assert_eq!(CALLS.load(Ordering::SeqCst), 1);

    static PANICKED: OnceLock<matx::Result<()>> = OnceLock::new();
    for _ in 0..2 {
        let e = init_once(&PANICKED, || panic!("registration bug")).unwrap_err();
        assert_eq!(e.kind().name, "InternalError");
        assert!(e.message().contains("registration bug"), "{e}");
    }
}

/// The header and the C host of the end-to-end test compile as strict C99 (and the header
/// as C++), when a C compiler is installed.
#[test]
fn the_header_and_the_c_host_compile() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let out = std::env::temp_dir().join(format!("matx-capi-{}-run_pipeline.o", std::process::id()));
    let cc = std::process::Command::new("cc")
        .args([
            "-std=c99",
            "-Wall",
            "-Wextra",
            "-Werror",
            "-pedantic",
            "-Iinclude",
            "-c",
        ])
        .arg("tests/c/run_pipeline.c")
        .arg("-o")
        .arg(&out)
        .current_dir(root)
        .output();
    let Ok(cc) = cc else {
        eprintln!("skipped: no C compiler (cc)");
        return;
    };
    assert!(
        cc.status.success(),
        "{}",
        String::from_utf8_lossy(&cc.stderr)
    );
    let _ = std::fs::remove_file(&out);
    if let Ok(cxx) = std::process::Command::new("c++")
        .args([
            "-x",
            "c++",
            "-std=c++11",
            "-Wall",
            "-Wextra",
            "-Werror",
            "-fsyntax-only",
        ])
        .arg("include/matx.h")
        .current_dir(root)
        .output()
    {
        assert!(
            cxx.status.success(),
            "{}",
            String::from_utf8_lossy(&cxx.stderr)
        );
    }
}

#[test]
fn a_deep_chain_of_nodes_is_an_error_on_a_small_stack() {
    // Issue 12: 30,000 list nodes, each holding the one before, overflowed the C host's stack.
    let mut nodes = vec![r#"{"id": 0, "kind": "list", "args": [{"input": "x"}]}"#.to_string()];
    for i in 1..30_000 {
        nodes.push(format!(
            r#"{{"id": {i}, "kind": "list", "args": [{{"node": {}}}]}}"#,
            i - 1
        ));
    }
    let doc = format!(
        r#"{{"format": "matx.pipeline", "version": 1, "inputs": [{{"name": "x", "type": "int"}}],
            "nodes": [{}], "outputs": [{{"node": 29999}}]}}"#,
        nodes.join(",")
    );
    let dir = pipeline_dir("deep-chain", &doc);
    let (kind, msg) = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || Session::load(&dir).run(r#"{"x": 1}"#).unwrap_err())
        .unwrap()
        .join()
        .expect("the C host's thread crashed");
    assert_eq!(kind, "ValueError", "{msg}");
    assert!(msg.contains("nests deeper"), "{msg}");
}
