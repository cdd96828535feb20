//! The runtime never overflows its stack on deep or self-referential values: every recursive walk (==, <, in, hash, repr, copy) raises `RecursionError` as CPython does, containers compare items identity first, and nested containers of any depth are freed without a crash (issue 12).

use matx::value::{Any, Dict, List, PyOrd, PyValue, Set};
use matx::{repr, Str};

/// Runs `f` on a thread with Rust's default 2 MiB stack (a host thread, not main's 8 MiB).
fn on_small_thread<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .expect("the thread crashed")
}

fn kind<T: std::fmt::Debug>(r: matx::Result<T>) -> String {
    let e = r.expect_err("an error");
    format!("{}: {}", e.kind().name, e.message())
}

/// `a = []; a.append(a)`.
fn self_list() -> List<Any> {
    let a: List<Any> = List::new();
    a.append(Any::List(a.clone())).unwrap();
    a
}

/// `d = {}; d['x'] = d`.
fn self_dict() -> Dict<Any, Any> {
    let d: Dict<Any, Any> = Dict::new();
    d.set_item(Any::Str(Str::from("x")), Any::Dict(d.clone()))
        .unwrap();
    d
}

#[test]
fn self_referential_containers_compare_as_cpython() {
    on_small_thread(|| {
        let (a, b) = (self_list(), self_list());
        let (x, y) = (Any::List(a.clone()), Any::List(b.clone()));
        // Identity first: a == a holds without recursing.
        assert!(x.py_eq(&x).unwrap());
        assert!(a.contains(&x).unwrap());
        const CMP: &str = "RecursionError: maximum recursion depth exceeded in comparison";
        assert_eq!(kind(x.py_eq(&y)), CMP);
        assert_eq!(kind(x.py_lt(&y)), CMP);
        assert_eq!(kind(y.contains(&x)), CMP);
        assert_eq!(kind(a.index(y.clone(), 0, i64::MAX)), CMP);
        assert_eq!(repr(&x).unwrap(), "[[...]]");

        let (d, e) = (Any::Dict(self_dict()), Any::Dict(self_dict()));
        assert!(d.py_eq(&d).unwrap());
        assert_eq!(kind(d.py_eq(&e)), CMP);
        assert_eq!(repr(&d).unwrap(), "{'x': {...}}");
        // The cycles are broken by hand (a reference cycle is never freed).
        a.clear().unwrap();
        b.clear().unwrap();
    });
}

#[test]
fn nan_is_found_by_identity() {
    let n = f64::NAN;
    let l = List::from_vec(vec![Any::Float(n)]);
    assert!(l.contains(&Any::Float(n)).unwrap());
    assert_eq!(l.index(Any::Float(n), 0, i64::MAX).unwrap(), 0);
    assert_eq!(l.count(Any::Float(n)).unwrap(), 1);
    // The same list compared item by item; nan == nan itself stays false.
    let m = List::from_vec(vec![Any::Float(n)]);
    assert!(Any::List(l.clone()).py_eq(&Any::List(m)).unwrap());
    assert!(!Any::Float(n).py_eq(&Any::Float(n)).unwrap());
    let typed: List<f64> = List::from_vec(vec![1.0, n]);
    assert!(typed.contains(&n).unwrap());
    // A nan key is found again, as CPython finds the same object.
    let d: Dict<Any, i64> = Dict::new();
    d.set_item(Any::Float(n), 1).unwrap();
    assert_eq!(d.get_item(&Any::Float(n)).unwrap(), 1);
    let t = Any::tuple(vec![Any::Float(n)]);
    assert!(t.py_eq(&t.clone()).unwrap());
}

/// `[[[...]]]` nested `depth` deep, built without recursion.
fn deep_list(depth: usize) -> Any {
    let mut v = Any::Int(0);
    for _ in 0..depth {
        v = Any::List(List::from_vec(vec![v]));
    }
    v
}

fn deep_tuple(depth: usize) -> Any {
    let mut v = Any::Int(0);
    for _ in 0..depth {
        v = Any::tuple(vec![v]);
    }
    v
}

fn deep_dict(depth: usize) -> Any {
    let mut v = Any::Int(0);
    for _ in 0..depth {
        v = Any::Dict(Dict::from_pairs(vec![(Any::Int(1), v)]));
    }
    v
}

fn deep_set_of_tuples(depth: usize) -> Any {
    Any::Set(Set::from_vec(vec![deep_tuple(depth)]).unwrap_or_default())
}

#[test]
fn deep_containers_are_freed_without_overflow() {
    on_small_thread(|| {
        for make in [deep_list, deep_tuple, deep_dict] {
            let v = make(50_000);
            drop(v);
        }
        // A set whose element is a deep tuple: hashing it is a RecursionError; a shallow one
        // is kept and freed.
        let e = Set::from_vec(vec![deep_tuple(50_000)]).unwrap_err();
        assert_eq!(e.kind().name, "RecursionError");
        drop(deep_set_of_tuples(500));
    });
}

#[test]
fn deep_walks_raise_recursion_error() {
    on_small_thread(|| {
        let (a, b) = (deep_list(50_000), deep_list(50_000));
        assert!(kind(a.py_eq(&b)).starts_with("RecursionError: maximum recursion depth"));
        assert!(kind(a.py_lt(&b)).starts_with("RecursionError"));
        assert_eq!(
            kind(repr(&a)),
            "RecursionError: maximum recursion depth exceeded while getting the repr of an object"
        );
        let t = deep_tuple(50_000);
        assert!(kind(t.py_hash()).starts_with("RecursionError"));
        assert!(kind(t.py_eq(&deep_tuple(50_000))).starts_with("RecursionError"));
        let d = deep_dict(50_000);
        assert!(kind(d.py_eq(&deep_dict(50_000))).starts_with("RecursionError"));
        // Within CPython's limit, the same walks succeed.
        let (a, b) = (deep_list(500), deep_list(500));
        assert!(a.py_eq(&b).unwrap());
        assert!(repr(&a).unwrap().starts_with("[[[[["));
        // The counter is back at zero after an error.
        assert_eq!(matx::rt::depth(), 0);
    });
}

#[test]
fn a_thread_with_little_stack_gets_an_error_not_a_crash() {
    // 900 levels are within CPython's limit, but not within a 256 KiB stack.
    let r = std::thread::Builder::new()
        .stack_size(256 << 10)
        .spawn(|| {
            let (a, b) = (deep_list(900), deep_list(900));
            a.py_eq(&b).map_err(|e| e.kind().name)
        })
        .unwrap()
        .join()
        .expect("the thread crashed");
    assert_eq!(r, Err("RecursionError"));
}

/// A valid pipeline of `n` `kind` nodes, each holding the one before (issue 12: 30,000 list
/// nodes overflowed the stack of every host).
pub fn chained_doc(kind: &str, n: usize) -> String {
    let mut nodes = Vec::with_capacity(n);
    for i in 0..n {
        let prev = if i == 0 {
            r#"{"input": "x"}"#.to_string()
        } else {
            format!(r#"{{"node": {}}}"#, i - 1)
        };
        let args = if kind == "dict" {
            format!(r#"{{"value": "k"}}, {prev}"#)
        } else {
            prev
        };
        nodes.push(format!(
            r#"{{"id": {i}, "kind": "{kind}", "args": [{args}]}}"#
        ));
    }
    format!(
        r#"{{"format": "matx.pipeline", "version": 1, "inputs": [{{"name": "x", "type": "int"}}],
            "nodes": [{}], "outputs": [{{"node": {}}}]}}"#,
        nodes.join(",\n"),
        n - 1
    )
}

#[test]
fn a_pipeline_chaining_30000_nodes_runs_on_a_small_stack() {
    use matx::pipeline::{Device, Session};
    on_small_thread(|| {
        let reg = matx::OpRegistry::new();
        for kind in ["list", "tuple", "dict"] {
            let doc = chained_doc(kind, 30_000);
            let s = Session::from_json(&doc, std::path::Path::new("."), Device::Cpu, &reg).unwrap();
            let out = s.run(&[("x", Any::Int(7))]).unwrap();
            assert_eq!(out.len(), 1);
            drop(out);
            // Plain JSON has a documented depth limit: an error, not a crash.
            let e = s.run_json(r#"{"x": 7}"#).unwrap_err();
            assert_eq!(e.kind().name, "ValueError", "{kind}: {e}");
            assert!(e.message().contains("nests deeper"), "{e}");
        }
    });
}
