//! `#[matx::op]`: ops of another crate (`matx_ops`) and of this one, called from a compiled script and through a registry by name.

use matx::{Any, List, OpRegistry, Str};
use std::sync::atomic::{AtomicI64, Ordering};

/// Ops defined in this crate (the script reaches them through `crate::local_ops`).
pub mod local_ops {
    use super::*;

    /// `str.upper()` plus an exclamation mark.
    #[matx::op]
    pub fn shout(text: Str) -> Str {
        Str::from(format!("{}!", text.as_str().to_uppercase()))
    }

    /// The number of whitespace-separated words.
    #[matx::op(name = "local.word_count")]
    pub fn word_count(text: Str) -> i64 {
        text.as_str().split_whitespace().count() as i64
    }

    /// A greeting; the greeting word is optional, as a trailing `Option` is in Python.
    #[matx::op]
    pub fn greet(name: Str, greeting: Option<Str>) -> Str {
        let g = greeting.as_ref().map_or("hello", |g| g.as_str());
        Str::from(format!("{g} {}", name.as_str()))
    }

    /// The sum of an array's elements (any dtype, read as float64).
    #[matx::op]
    pub fn total(a: matx::NDArray) -> matx::Result<f64> {
        Ok(a.contiguous()?.to_vec::<f64>()?.iter().sum())
    }

    /// A shared counter: state behind an atomic, methods on `&self`.
    pub struct Counter(AtomicI64);

    #[matx::op]
    impl Counter {
        pub fn new(start: i64) -> Self {
            Counter(AtomicI64::new(start))
        }
        /// Adds `n`, returning the new total.
        pub fn add(&self, n: i64) -> i64 {
            self.0.fetch_add(n, Ordering::SeqCst) + n
        }
        pub fn value(&self) -> i64 {
            self.0.load(Ordering::SeqCst)
        }
    }
}

mod script {
    matx::matx_script!(
        file = "scripts/ops_demo.py",
        ops = [
            matx_ops::text::Vocabulary,
            matx_ops::text::wordpiece_tokenize,
            crate::local_ops::shout,
            crate::local_ops::word_count,
            crate::local_ops::Counter,
        ]
    );
}

mod nd_script {
    matx::matx_script!(
        file = "scripts/ndarray_demo.py",
        ops = [crate::local_ops::total]
    );
}

#[test]
fn scripts_make_inspect_and_pass_ndarrays() {
    let a = nd_script::make(6).unwrap();
    assert_eq!(a.shape(), vec![2, 3]);
    assert_eq!(
        nd_script::describe(a.clone()).unwrap().as_str(),
        "(2, 3) int32 2 6 2 (12, 4)"
    );
    assert_eq!(nd_script::rows(a.clone()).unwrap(), 22);
    assert_eq!(
        matx::repr(&nd_script::as_floats(a.clone()).unwrap()).unwrap(),
        "[0.0, 1.0, 2.0, 3.0, 4.0, 5.0]"
    );
    assert_eq!(nd_script::summed(a).unwrap(), 15.0);
    assert_eq!(
        nd_script::bad_dtype().unwrap().as_str(),
        "TypeError: data type 'complex64' not understood"
    );
}

/// A small vocabulary file in a fresh directory.
fn vocab_file(name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("matx-ops-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("vocab.txt");
    std::fs::write(
        &path,
        "[PAD]\n[UNK]\nhello\nworld\nun\n##known\n##s\nplay\n##ing\n",
    )
    .unwrap();
    path.to_string_lossy().into_owned()
}

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn to_strings(l: &List<Str>) -> Vec<String> {
    l.to_vec().iter().map(|s| s.as_str().to_string()).collect()
}

#[test]
fn script_calls_ops_of_another_crate() {
    let path = vocab_file("cross");
    let vocab = script::load(Str::from(path.as_str())).unwrap();
    assert_eq!(vocab.size(), 9);
    let pieces = script::tokenize(vocab.clone(), Str::from("Hello unknowns PLAYING xyz")).unwrap();
    assert_eq!(
        to_strings(&pieces),
        strs(&["hello", "un", "##known", "##s", "play", "##ing", "[UNK]"])
    );
    let ids = script::encode(vocab.clone(), Str::from("hello world unknown")).unwrap();
    assert_eq!(ids.to_vec(), vec![2, 3, 4, 5]);
}

#[test]
fn script_calls_ops_of_its_own_crate() {
    assert_eq!(
        script::loud(Str::from("hello big world")).unwrap().as_str(),
        "HELLO BIG WORLD! 3"
    );
    let c = matx::Op::new(local_ops::Counter::new(10));
    assert_eq!(script::count_twice(c.clone(), 5).unwrap(), 20);
    assert_eq!(c.value(), 20);
}

#[test]
fn op_errors_are_python_exceptions_in_scripts() {
    let path = vocab_file("errors");
    let vocab = script::load(Str::from(path.as_str())).unwrap();
    assert_eq!(
        script::token_of(vocab.clone(), -1).unwrap().as_str(),
        "##ing"
    );
    assert_eq!(
        script::token_of(vocab, 99).unwrap().as_str(),
        "IndexError: vocabulary id out of range"
    );
    let e = script::load(Str::from("/nonexistent/vocab.txt")).unwrap_err();
    assert_eq!(e.kind().name, "FileNotFoundError");
    let msg = e.to_string();
    assert!(msg.contains("ops_demo.py"), "{msg}");
}

#[test]
fn registry_holds_exactly_what_was_registered() {
    let mut reg = OpRegistry::new();
    matx_ops::register_all(&mut reg).unwrap();
    script::__matx_register_ops(&mut reg).unwrap();
    let names: Vec<&str> = reg.names().collect();
    assert_eq!(
        names,
        vec![
            "Counter",
            "count_twice",
            "encode",
            "load",
            "local.word_count",
            "loud",
            "shout",
            "text.Vocabulary",
            "text.wordpiece_tokenize",
            "token_of",
            "tokenize",
            "vision.cast",
            "vision.center_crop",
            "vision.color_jitter",
            "vision.crop",
            "vision.cvt_color",
            "vision.decode",
            "vision.encode",
            "vision.flip",
            "vision.normalize",
            "vision.pad",
            "vision.random_crop",
            "vision.random_flip",
            "vision.random_resized_crop",
            "vision.resize",
            "vision.rotate",
            "vision.stack",
            "vision.transpose",
            "vision.transpose_normalize",
            "vision.warp_affine"
        ]
    );
    // The script's own functions are ops too.
    assert_eq!(
        matx::repr(&reg.call("loud", &[Any::from("a b")]).unwrap()).unwrap(),
        "'A B! 2'"
    );
    let e = reg
        .call("loud", &[Any::from("a"), Any::Int(1)])
        .unwrap_err();
    assert_eq!(
        e.message(),
        "loud() takes 1 positional argument but 2 were given"
    );
    // By name, with dynamic values: construct, call methods, call functions.
    let path = vocab_file("registry");
    let vocab = reg
        .construct(
            "text.Vocabulary",
            &[
                Any::Str(Str::from(path.as_str())),
                Any::Str(Str::from("[UNK]")),
            ],
        )
        .unwrap();
    let pieces = reg
        .call(
            "text.wordpiece_tokenize",
            &[
                vocab.clone(),
                Any::Str(Str::from("playing")),
                Any::Str(Str::from("[UNK]")),
                Any::Int(100),
            ],
        )
        .unwrap();
    let ids = reg.call_method(&vocab, "lookup", &[pieces]).unwrap();
    assert_eq!(matx::repr(&ids).unwrap(), "[7, 8]");
    assert_eq!(
        matx::repr(
            &reg.call("local.word_count", &[Any::Str(Str::from("a b c"))])
                .unwrap()
        )
        .unwrap(),
        "3"
    );
    // Wrong arity and wrong types are TypeErrors; unknown names say how to register.
    let e = reg.call("shout", &[]).unwrap_err();
    assert_eq!(e.kind().name, "TypeError");
    assert_eq!(
        e.message(),
        "shout() takes 1 positional argument but 0 were given"
    );
    let e = reg.call("shout", &[Any::Int(1)]).unwrap_err();
    assert_eq!(e.kind().name, "TypeError");
    let e = reg.call_method(&vocab, "nope", &[]).unwrap_err();
    assert_eq!(
        e.message(),
        "'text.Vocabulary' object has no attribute 'nope'"
    );
    let empty = OpRegistry::new();
    let e = empty.call("shout", &[]).unwrap_err();
    assert_eq!(e.kind().name, "LookupError");
    assert!(e.message().contains("register_ops!"), "{}", e.message());
}

#[test]
fn registering_a_different_op_under_a_taken_name_fails() {
    let mut reg = OpRegistry::new();
    matx::register_ops!(&mut reg, local_ops::shout).unwrap();
    // The same op again is fine.
    matx::register_ops!(&mut reg, local_ops::shout).unwrap();
    let e = reg
        .add(
            "shout",
            matx::registry::OpEntry::Function {
                signature: "",
                call: local_ops::word_count::__matx_call,
            },
        )
        .unwrap_err();
    assert_eq!(e.kind().name, "ValueError");
}

/// The real BERT vocabulary (expected pieces computed by a plain Python greedy longest-match
/// over the same file). Missing data fails the test.
#[test]
fn wordpiece_on_the_bert_vocabulary() {
    let path = matx_tests::data_file("bert-uncased/vocab.txt");
    let path = path.to_str().expect("the data path is UTF-8");
    let vocab = script::load(Str::from(path)).unwrap();
    assert_eq!(vocab.size(), 30522);
    let pieces = script::tokenize(vocab.clone(), Str::from("Tokenization unaffable")).unwrap();
    assert_eq!(
        to_strings(&pieces),
        strs(&["token", "##ization", "una", "##ffa", "##ble"])
    );
    let ids = script::encode(vocab, Str::from("hello world")).unwrap();
    assert_eq!(ids.to_vec(), vec![7592, 2088]);
}

/// Called by name, an op's trailing `Option` parameters may be left out (a traced call
/// records only the arguments given), and the arity error is CPython's.
#[test]
fn dynamic_calls_leave_out_trailing_optional_parameters() {
    let mut reg = OpRegistry::new();
    matx::register_ops!(&mut reg, local_ops::greet).unwrap();
    let r = |args: &[Any]| matx::repr(&reg.call("greet", args).unwrap()).unwrap();
    assert_eq!(r(&[Any::from("ada")]), "'hello ada'");
    assert_eq!(r(&[Any::from("ada"), Any::from("hi")]), "'hi ada'");
    assert_eq!(r(&[Any::from("ada"), Any::None]), "'hello ada'");
    let e = reg.call("greet", &[]).unwrap_err();
    assert_eq!(
        e.message(),
        "greet() takes from 1 to 2 positional arguments but 0 were given"
    );
    let e = reg
        .call("greet", &[Any::from("a"), Any::None, Any::None])
        .unwrap_err();
    assert_eq!(
        e.message(),
        "greet() takes from 1 to 2 positional arguments but 3 were given"
    );
}
