//! `matx::stdlib::json` against CPython: `dumps` of many values under every option (byte for
//! byte, errors included), `loads` of valid and malformed documents (`JSONDecodeError`).

#[path = "support/stdlib_cases.rs"]
mod cases;

use cases::{actual, expected, r};
use matx::stdlib::json::{dumps, loads, loads_bytes, DumpsOptions};
use matx::{Any, Bytes, Dict, List, Set, Str};
use serde_json::Value;

/// The tagged value `tools/gen_stdlib_cases.py` wrote (`tag()`), as an `Any`.
fn untag(v: &Value) -> Any {
    match v {
        Value::Null => Any::None,
        Value::Bool(b) => Any::Bool(*b),
        Value::Array(a) => Any::List(List::from_vec(a.iter().map(untag).collect())),
        Value::Object(o) => {
            let (k, x) = o.iter().next().unwrap();
            match k.as_str() {
                "i" => Any::Int(x.as_str().unwrap().parse().unwrap()),
                "f" => Any::Float(match x.as_str().unwrap() {
                    "nan" => f64::NAN,
                    "inf" => f64::INFINITY,
                    "-inf" => f64::NEG_INFINITY,
                    s => s.parse().unwrap(),
                }),
                "s" => Any::Str(Str::from(x.as_str().unwrap())),
                "b" => {
                    let b: Vec<u8> = x
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|n| n.as_u64().unwrap() as u8)
                        .collect();
                    Any::Bytes(Bytes::new(&b))
                }
                "t" => Any::tuple(x.as_array().unwrap().iter().map(untag).collect()),
                "set" => Any::Set(
                    Set::from_vec(x.as_array().unwrap().iter().map(untag).collect()).unwrap(),
                ),
                "d" => Any::Dict(Dict::from_pairs(
                    x.as_array()
                        .unwrap()
                        .iter()
                        .map(|p| (untag(&p[0]), untag(&p[1])))
                        .collect(),
                )),
                other => panic!("tag {other}"),
            }
        }
        other => panic!("untagged {other}"),
    }
}

fn options(o: &Value) -> DumpsOptions {
    let mut d = DumpsOptions::default();
    let b = |k: &str| o.get(k).and_then(Value::as_bool);
    if let Some(v) = b("skipkeys") {
        d.skipkeys = v;
    }
    if let Some(v) = b("ensure_ascii") {
        d.ensure_ascii = v;
    }
    if let Some(v) = b("allow_nan") {
        d.allow_nan = v;
    }
    if let Some(v) = b("sort_keys") {
        d.sort_keys = v;
    }
    match o.get("indent") {
        Some(Value::Number(n)) => d.indent = Some(DumpsOptions::indent_spaces(n.as_i64().unwrap())),
        Some(Value::String(s)) => d.indent = Some(s.clone()),
        _ => {}
    }
    if let Some(s) = o.get("separators") {
        d.separators = Some((s[0].as_str().unwrap().into(), s[1].as_str().unwrap().into()));
    }
    d
}

#[test]
fn json_matches_cpython() {
    let mut results = Vec::new();
    for c in cases::load("json") {
        let (what, got) = match c["kind"].as_str().unwrap() {
            "dumps" => (
                format!("dumps({}, {})", c["value"], c["opts"]),
                dumps(&untag(&c["value"]), &options(&c["opts"])).and_then(r),
            ),
            "loads" => {
                let t = c["text"].as_str().unwrap();
                (format!("loads({t:?})"), loads(&Str::from(t)).and_then(r))
            }
            "loads_bytes" => {
                let b: Vec<u8> = c["bytes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|n| n.as_u64().unwrap() as u8)
                    .collect();
                (
                    format!("loads({b:?})"),
                    loads_bytes(&Bytes::new(&b)).and_then(r),
                )
            }
            other => panic!("{other}"),
        };
        results.push((what, expected(&c), actual(got)));
    }
    cases::check_all("json", results);
}

#[test]
fn circular_structures_are_detected() {
    // python3 -c "import json; a = []; a.append(a); json.dumps(a)"
    let a: List<Any> = List::new();
    a.append(Any::List(a.clone())).unwrap();
    let e = dumps(&Any::List(a), &DumpsOptions::default()).unwrap_err();
    assert_eq!(e.repr(), "ValueError('Circular reference detected')");
    // A value reached twice without a cycle is fine: json.dumps([b, b]) with b = [1].
    let b = Any::List(List::from_vec(vec![Any::Int(1)]));
    let twice = Any::List(List::from_vec(vec![b.clone(), b]));
    assert_eq!(
        dumps(&twice, &DumpsOptions::default()).unwrap().as_str(),
        "[[1], [1]]"
    );
}

#[test]
fn lone_surrogates_are_a_clear_error() {
    // CPython returns a str holding the lone surrogate ('\\ud83dx'); a matx str cannot hold one.
    let e = loads(&Str::from("\"\\ud83dx\"")).unwrap_err();
    assert_eq!(e.kind().name, "ValueError");
    assert!(e.message().contains("lone surrogate"), "{}", e.message());
}
