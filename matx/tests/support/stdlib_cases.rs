//! Loading the CPython-generated cases of `tools/gen_stdlib_cases.py` and comparing outcomes.
#![allow(dead_code)]

use serde_json::Value;

/// The cases of `matx/tests/stdlib_data/<name>.json` (the first line is a comment).
pub fn load(name: &str) -> Vec<Value> {
    let path = format!(
        "{}/tests/stdlib_data/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let body = text.split_once('\n').map_or("", |(_, b)| b);
    match serde_json::from_str(body) {
        Ok(Value::Array(v)) => v,
        other => panic!("{path}: not a JSON array: {other:?}"),
    }
}

/// An outcome: `Ok(repr)` or `Err((class, message))`.
pub type Outcome = Result<String, (String, String)>;

/// What CPython recorded for a case.
pub fn expected(case: &Value) -> Outcome {
    if let Some(ok) = case.get("ok") {
        return Ok(ok.as_str().expect("ok is a repr string").to_string());
    }
    let e = case["err"].as_array().expect("err is [class, message]");
    Err((
        e[0].as_str().unwrap_or_default().to_string(),
        e[1].as_str().unwrap_or_default().to_string(),
    ))
}

/// A runtime outcome in the same shape.
pub fn actual(r: matx::Result<String>) -> Outcome {
    r.map_err(|e| (e.kind().name.to_string(), e.message().to_string()))
}

/// Asserts every `(description, expected, actual)` agreed, listing every disagreement.
pub fn check_all(module: &str, results: Vec<(String, Outcome, Outcome)>) {
    let total = results.len();
    let bad: Vec<String> = results
        .into_iter()
        .filter(|(_, want, got)| want != got)
        .map(|(what, want, got)| format!("{what}\n  CPython: {want:?}\n  matx:    {got:?}"))
        .collect();
    assert!(
        bad.is_empty(),
        "{module}: {} of {total} cases differ from CPython:\n{}",
        bad.len(),
        bad.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
    assert!(total > 0, "{module}: no cases");
}

/// `repr()` of a runtime value.
pub fn r<T: matx::PyValue>(v: T) -> matx::Result<String> {
    matx::repr(&v)
}

/// A JSON value as the `Any` Python would hold (arrays are lists).
pub fn any(v: &Value) -> matx::Any {
    use matx::{Any, List, Str};
    match v {
        Value::Null => Any::None,
        Value::Bool(b) => Any::Bool(*b),
        Value::Number(n) if n.is_i64() => Any::Int(n.as_i64().unwrap()),
        Value::Number(n) => Any::Float(n.as_f64().unwrap()),
        Value::String(s) => Any::Str(Str::from(s.as_str())),
        Value::Array(a) => Any::List(List::from_vec(a.iter().map(any).collect())),
        Value::Object(_) => panic!("JSON objects have no Any form here"),
    }
}

/// A JSON array as a `List[Any]`.
pub fn list(v: &Value) -> matx::List<matx::Any> {
    match any(v) {
        matx::Any::List(l) => l,
        other => panic!("not a list: {}", matx::repr(&other).unwrap()),
    }
}

/// The key functions the generator names (`tools/gen_stdlib_cases.py` KEYS).
pub fn key_fn(name: &str) -> impl Fn(&matx::Any) -> matx::Result<matx::Any> + '_ {
    use matx::Any;
    move |x: &Any| match name {
        "abs" => match x {
            Any::Int(i) => Ok(Any::Int(i.abs())),
            Any::Float(f) => Ok(Any::Float(f.abs())),
            _ => panic!("abs of {}", matx::repr(x).unwrap()),
        },
        "neg" => matx::ops::neg_any(x),
        "len" => Ok(Any::Int(x.len()?)),
        "first" => x.get_item(&Any::Int(0)),
        "mod3" => matx::ops::mod_any(x, &Any::Int(3)),
        other => panic!("unknown key {other}"),
    }
}

/// CRC-32 (IEEE, as Python's `zlib.crc32`).
pub fn crc32(data: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (i, t) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 == 1 {
                0xedb8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
        *t = c;
    }
    let mut crc = !0u32;
    for &b in data {
        crc = table[((crc ^ u32::from(b)) & 0xff) as usize] ^ (crc >> 8);
    }
    !crc
}
