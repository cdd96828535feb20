//! `matx::pipeline`: every load and feed error of a saved pipeline, each of its own kind and naming what is wrong (damaged documents, unknown versions, missing ops and resources, unsafe paths, bad feeds).

use matx::pipeline::{Device, Graph, Session};
use matx::{Any, OpRegistry};
use serde_json::json;

#[path = "support/pipeline_fixture.rs"]
mod fixture;
use fixture::*;

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
