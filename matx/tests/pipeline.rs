//! `matx::pipeline`: saved pipeline directories loaded into a `Session` and run (ops, objects, builtin nodes, resources after a move, plain JSON, 16 threads); the errors are in `pipeline_errors.rs`.

use matx::pipeline::{any_to_json, json_text_to_any, json_to_any, Device, Graph, Session};
use matx::{Any, Dict, List, NDArray, Op, OpRegistry, Str};
use serde_json::json;
use std::collections::HashMap;
use std::path::Path;

#[path = "support/pipeline_fixture.rs"]
mod fixture;
use fixture::*;

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
