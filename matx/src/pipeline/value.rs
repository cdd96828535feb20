//! The typed values of `pipeline.json` (`V` in PIPELINES.md): the parsed tree, its conversion to `Any` at load time, and the encoder and decoder of that JSON form.

use super::errors::format_error;
use crate::error::{exc, Error};
use crate::value::{Any, Bytes, Dict, List, PyValue, Set, Str};
use crate::Result;
use serde_json::{Map, Number, Value as Json};
use std::path::PathBuf;

/// How deep values may nest (in both directions of both codecs); deeper is an error, not
/// a stack overflow. `serde_json` itself stops parsing at 128 levels.
pub(crate) const MAX_DEPTH: usize = 256;

/// A value written in `pipeline.json`, parsed and checked (resources resolved).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    List(Vec<Value>),
    Tuple(Vec<Value>),
    /// Key, value pairs in order (a later equal key overwrites, as in a dict display).
    Dict(Vec<(Value, Value)>),
    Set(Vec<Value>),
    /// `{"resource": path}`: `path` as written (relative to the pipeline directory) and
    /// the absolute path it was resolved to; the value is the absolute path, a `str`.
    Resource {
        path: String,
        resolved: PathBuf,
    },
    /// `{"object": id}`: an object of the pipeline.
    Object(usize),
}

/// Turns a resource path into the absolute path of the file.
pub(crate) type Resolver<'a> = dyn FnMut(&str) -> Result<PathBuf> + 'a;

/// What parsing a value may refer to.
pub(crate) struct ValueCx<'a> {
    /// The file being read, for messages.
    pub file: &'a str,
    /// Objects with an id below this may be referred to; `None`: no object references.
    pub objects: Option<usize>,
    /// Resolves a resource path; `None`: resources are not allowed here.
    pub resolve: Option<&'a mut Resolver<'a>>,
}

impl Value {
    /// Parses the JSON form; `at` names the place for messages (`objects[0].args[1]`).
    pub(crate) fn parse(json: &Json, at: &str, cx: &mut ValueCx<'_>) -> Result<Value> {
        parse(json, at, cx, 0)
    }

    /// Whether the value may be a dict key or set element (objects are checked when made).
    fn is_hashable(&self) -> bool {
        match self {
            Value::List(_) | Value::Dict(_) | Value::Set(_) => false,
            Value::Tuple(items) => items.iter().all(Value::is_hashable),
            _ => true,
        }
    }

    /// Whether the value holds a mutable container (`list`, `dict`, `set`) anywhere, so a
    /// run must get its own copy.
    pub fn is_mutable(&self) -> bool {
        match self {
            Value::List(_) | Value::Dict(_) | Value::Set(_) => true,
            Value::Tuple(items) => items.iter().any(Value::is_mutable),
            _ => false,
        }
    }

    /// The value as a script value; `objects` are the pipeline's objects made so far.
    pub fn to_any(&self, objects: &[Any]) -> Result<Any> {
        Ok(match self {
            Value::None => Any::None,
            Value::Bool(b) => Any::Bool(*b),
            Value::Int(i) => Any::Int(*i),
            Value::Float(f) => Any::Float(*f),
            Value::Str(s) => Any::Str(Str::new(s)),
            Value::Bytes(b) => Any::Bytes(Bytes::new(b)),
            Value::List(items) => Any::List(List::from_vec(to_anys(items, objects)?)),
            Value::Tuple(items) => Any::tuple(to_anys(items, objects)?),
            Value::Set(items) => Any::Set(Set::from_vec(to_anys(items, objects)?)?),
            Value::Dict(pairs) => {
                let mut out = Vec::with_capacity(pairs.len());
                for (k, v) in pairs {
                    let k = k.to_any(objects)?;
                    k.py_check_hashable()?;
                    out.push((k, v.to_any(objects)?));
                }
                Any::Dict(Dict::from_pairs(out))
            }
            Value::Resource { path, resolved } => match resolved.to_str() {
                Some(s) => Any::Str(Str::new(s)),
                None => {
                    return Err(Error::new(
                        &exc::ValueError,
                        format!("resource '{path}' resolves to a path that is not UTF-8"),
                    ))
                }
            },
            Value::Object(id) => match objects.get(*id) {
                Some(o) => o.clone(),
                None => {
                    return Err(format_error(
                        "graph",
                        format!("object {id} is referred to before it is made"),
                    ))
                }
            },
        })
    }
}

fn to_anys(items: &[Value], objects: &[Any]) -> Result<Vec<Any>> {
    items.iter().map(|v| v.to_any(objects)).collect()
}

const TAGS: &str = "tuple, dict, set, bytes, float, resource, object";
const DICT_HINT: &str = "write a dict as {\"dict\": [[key, value], ...]}";
const UNHASHABLE: &str = "must be hashable (not a list, dict or set)";

fn parse(json: &Json, at: &str, cx: &mut ValueCx<'_>, depth: usize) -> Result<Value> {
    let bad = |msg: String| format_error(cx.file, format!("{at}: {msg}"));
    if depth > MAX_DEPTH {
        return Err(bad(format!("values nest deeper than {MAX_DEPTH} levels")));
    }
    Ok(match json {
        Json::Null => Value::None,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => number(n).map_err(|e| bad(e.message().to_string()))?,
        Json::String(s) => Value::Str(s.clone()),
        Json::Array(items) => Value::List(parse_items(items, at, cx, depth)?),
        Json::Object(map) => {
            let mut entries = map.iter();
            let (Some((tag, body)), None) = (entries.next(), entries.next()) else {
                return Err(bad(format!(
                    "a JSON object as a value must have exactly one key, the tag of a tagged \
                     value ({TAGS}); {DICT_HINT}"
                )));
            };
            parse_tagged(tag, body, &format!("{at}.{tag}"), cx, depth)?
        }
    })
}

/// `{tag: body}` at `at`.
fn parse_tagged(
    tag: &str,
    body: &Json,
    at: &str,
    cx: &mut ValueCx<'_>,
    depth: usize,
) -> Result<Value> {
    let file = cx.file;
    let bad = |msg: &str| format_error(file, format!("{at}: {msg}"));
    Ok(match (tag, body) {
        ("tuple", Json::Array(items)) => Value::Tuple(parse_items(items, at, cx, depth)?),
        ("set", Json::Array(items)) => {
            let items = parse_items(items, at, cx, depth)?;
            if let Some(i) = items.iter().position(|v| !v.is_hashable()) {
                return Err(bad(&format!("element {i} of a set {UNHASHABLE}")));
            }
            Value::Set(items)
        }
        ("dict", Json::Array(pairs)) => {
            let mut out = Vec::with_capacity(pairs.len());
            for (i, pair) in pairs.iter().enumerate() {
                let at = format!("{at}[{i}]");
                let (k, v) = match pair.as_array().map(Vec::as_slice) {
                    Some([k, v]) => (k, v),
                    _ => {
                        let msg = "a dict entry must be a [key, value] array";
                        return Err(format_error(file, format!("{at}: {msg}")));
                    }
                };
                let k = parse(k, &format!("{at}[0]"), cx, depth + 1)?;
                if !k.is_hashable() {
                    return Err(format_error(file, format!("{at}: a dict key {UNHASHABLE}")));
                }
                out.push((k, parse(v, &format!("{at}[1]"), cx, depth + 1)?));
            }
            Value::Dict(out)
        }
        ("bytes", Json::String(hex)) => match decode_hex(hex) {
            Some(b) => Value::Bytes(b),
            None => return Err(bad(&format!("'{hex}' is not an even number of hex digits"))),
        },
        ("float", Json::String(s)) => Value::Float(match s.as_str() {
            "nan" => f64::NAN,
            "inf" => f64::INFINITY,
            "-inf" => f64::NEG_INFINITY,
            _ => {
                return Err(bad(&format!(
                "'{s}' is not \"nan\", \"inf\" or \"-inf\" (write finite floats as JSON numbers)"
            )))
            }
        }),
        ("resource", Json::String(path)) => {
            let Some(resolve) = cx.resolve.as_mut() else {
                return Err(bad("a resource is not allowed here"));
            };
            let resolved = resolve(path)?;
            Value::Resource {
                path: path.clone(),
                resolved,
            }
        }
        ("object", Json::Number(n)) => {
            let Some(limit) = cx.objects else {
                return Err(bad("an object reference is not allowed here"));
            };
            match n.as_u64() {
                Some(id) if (id as u128) < limit as u128 => Value::Object(id as usize),
                _ if limit == 0 => return Err(bad(&format!("object {n} does not exist"))),
                _ => {
                    return Err(bad(&format!(
                        "object {n} does not exist before this point (ids 0 to {})",
                        limit - 1
                    )))
                }
            }
        }
        ("tuple" | "set" | "dict", _) => return Err(bad("expected an array")),
        ("bytes" | "float" | "resource", _) => return Err(bad("expected a string")),
        ("object", _) => return Err(bad("expected an object id (an integer)")),
        (other, _) => {
            return Err(bad(&format!(
                "unknown value tag '{other}' (the tags are {TAGS}); {DICT_HINT}"
            )))
        }
    })
}

fn parse_items(items: &[Json], at: &str, cx: &mut ValueCx<'_>, depth: usize) -> Result<Vec<Value>> {
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.push(parse(item, &format!("{at}[{i}]"), cx, depth + 1)?);
    }
    Ok(out)
}

/// A JSON number: an integer (64-bit; `OverflowError` beyond) or a float.
pub(crate) fn number(n: &Number) -> Result<Value> {
    if let Some(i) = n.as_i64() {
        Ok(Value::Int(i))
    } else if n.is_u64() {
        Err(Error::new(
            &exc::OverflowError,
            format!("integer {n} is out of range: int is 64-bit (-2**63 to 2**63-1)"),
        ))
    } else {
        match n.as_f64() {
            Some(f) => Ok(Value::Float(f)),
            None => Err(Error::new(
                &exc::ValueError,
                format!("number {n} cannot be read"),
            )),
        }
    }
}

fn decode_hex(s: &str) -> Option<Vec<u8>> {
    let digits = s.as_bytes();
    if !digits.len().is_multiple_of(2) {
        return None;
    }
    let nibble = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    digits
        .chunks(2)
        .map(|p| Some(nibble(p[0])? << 4 | nibble(p[1])?))
        .collect()
}

fn encode_hex(b: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(b.len() * 2);
    for &x in b {
        s.push(HEX[(x >> 4) as usize] as char);
        s.push(HEX[(x & 15) as usize] as char);
    }
    s
}

/// Encodes a script value in the typed JSON form of `pipeline.json` (what the tracer
/// writes for a constant): tuples, dicts, sets, bytes and non-finite floats are tagged,
/// so [`decode_value`] gives back an equal value of the same types. Objects (compiled
/// classes, ops, `NDArray`) have no such form: a `TypeError` naming the type.
pub fn encode_value(a: &Any) -> Result<Json> {
    encode(a, 0)
}

fn tagged(tag: &str, body: Json) -> Json {
    let mut m = Map::new();
    m.insert(tag.to_string(), body);
    Json::Object(m)
}

/// A value that nests deeper than [`MAX_DEPTH`] (or contains itself), converting to JSON.
pub(crate) fn too_deep() -> Error {
    Error::new(
        &exc::ValueError,
        format!("value nests deeper than {MAX_DEPTH} levels (or refers to itself)"),
    )
}

fn encode(a: &Any, depth: usize) -> Result<Json> {
    if depth > MAX_DEPTH {
        return Err(too_deep());
    }
    let items = |xs: &[Any]| -> Result<Json> {
        Ok(Json::Array(
            xs.iter()
                .map(|x| encode(x, depth + 1))
                .collect::<Result<_>>()?,
        ))
    };
    Ok(match a {
        Any::None => Json::Null,
        Any::Bool(b) => Json::Bool(*b),
        Any::Int(i) => Json::from(*i),
        Any::Float(f) => match Number::from_f64(*f) {
            Some(n) => Json::Number(n),
            None => tagged(
                "float",
                Json::from(if f.is_nan() {
                    "nan"
                } else if *f > 0.0 {
                    "inf"
                } else {
                    "-inf"
                }),
            ),
        },
        Any::Str(s) => Json::String(s.as_str().to_string()),
        Any::Bytes(b) => tagged("bytes", Json::String(encode_hex(b.as_bytes()))),
        Any::List(l) => items(&l.to_vec())?,
        Any::Tuple(t) => tagged("tuple", items(t)?),
        Any::Set(s) => tagged("set", items(&s.to_vec())?),
        Any::Dict(d) => {
            let mut pairs = Vec::with_capacity(d.len());
            for (k, v) in d.to_pairs() {
                pairs.push(Json::Array(vec![
                    encode(&k, depth + 1)?,
                    encode(&v, depth + 1)?,
                ]));
            }
            tagged("dict", Json::Array(pairs))
        }
        Any::Object(_) => {
            return Err(Error::new(
                &exc::TypeError,
                format!(
                    "a '{}' object has no JSON value form: pass it as a pipeline object",
                    a.py_type_name()
                ),
            ))
        }
    })
}

/// Decodes the typed JSON form of a value (the inverse of [`encode_value`]). Resources and
/// object references only mean something inside a pipeline: here they are an error.
pub fn decode_value(json: &Json) -> Result<Any> {
    let mut cx = ValueCx {
        file: "value",
        objects: None,
        resolve: None,
    };
    Value::parse(json, "$", &mut cx)?.to_any(&[])
}

/// A copy of a constant for one run: its lists, dicts and sets are new, so a run that
/// changes them changes nothing another run sees (objects are shared, as always).
pub(crate) fn fresh_copy(a: &Any) -> Result<Any> {
    let _level = crate::value::enter_walk(crate::value::Walk::Other)?;
    Ok(match a {
        Any::List(l) => Any::List(List::from_vec(
            l.to_vec().iter().map(fresh_copy).collect::<Result<_>>()?,
        )),
        Any::Tuple(t) => Any::tuple(t.iter().map(fresh_copy).collect::<Result<Vec<_>>>()?),
        Any::Set(s) => Any::Set(Set::from_vec(s.to_vec())?),
        Any::Dict(d) => {
            let mut pairs = Vec::with_capacity(d.len());
            for (k, v) in d.to_pairs() {
                pairs.push((k, fresh_copy(&v)?));
            }
            Any::Dict(Dict::from_pairs(pairs))
        }
        other => other.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values_round_trip() {
        let text = r#"[null, true, 1, 1.0, "s", {"tuple": [1, [2]]}, {"dict": [[{"tuple": [1, "a"]}, 2]]},
            {"set": [3]}, {"bytes": "00ff41"}, {"float": "nan"}, {"float": "-inf"}]"#;
        let json: Json = serde_json::from_str(text).unwrap();
        let a = decode_value(&json).unwrap();
        assert_eq!(
            crate::repr(&a).unwrap(),
            "[None, True, 1, 1.0, 's', (1, [2]), {(1, 'a'): 2}, {3}, b'\\x00\\xffA', nan, -inf]"
        );
        let back = encode_value(&a).unwrap();
        assert_eq!(back, json);
    }

    #[test]
    fn bad_values_are_format_errors() {
        for (text, words) in [
            (r#"{"a": 1, "b": 2}"#, "exactly one key"),
            (r#"{}"#, "exactly one key"),
            (r#"{"dict": [[[1], 2]]}"#, "hashable"),
            (r#"{"set": [[1]]}"#, "hashable"),
            (r#"{"dict": [[1]]}"#, "[key, value]"),
            (r#"{"bytes": "abc"}"#, "hex"),
            (r#"{"bytes": "zz"}"#, "hex"),
            (r#"{"float": "1.5"}"#, "nan"),
            (r#"{"resource": "x"}"#, "not allowed"),
            (r#"{"object": 0}"#, "not allowed"),
            (r#"{"frozenset": []}"#, "unknown value tag"),
            (r#"{"tuple": 1}"#, "expected an array"),
        ] {
            let e = decode_value(&serde_json::from_str(text).unwrap()).unwrap_err();
            assert_eq!(e.kind().name, "PipelineFormatError", "{text}");
            assert!(e.message().contains(words), "{text}: {}", e.message());
        }
        let e = decode_value(&serde_json::from_str("9223372036854775808").unwrap()).unwrap_err();
        assert!(e.message().contains("out of range"), "{}", e.message());
    }
}
