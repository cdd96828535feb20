//! Plain JSON to and from script values, for hosts without Python (`matx run --input`, the C API): what Python's `json` module reads and writes, made strict where it would guess.

use super::value::{number, too_deep, Value, MAX_DEPTH};
use crate::error::{exc, Error};
use crate::ndarray::NDArray;
use crate::value::{Any, Dict, List, PyValue, Str};
use crate::Result;
use serde_json::{Map, Number, Value as Json};

/// A plain JSON value as a script value: `null` → `None`, `true`/`false` → `bool`, an
/// integer → `int` (`OverflowError` beyond 64 bits), a number with a fraction or exponent →
/// `float`, a string → `str`, an array → `list`, an object → `dict` with `str` keys in the
/// object's order.
///
/// A `serde_json::Value` has already turned integers beyond `u64` into floats; to reject
/// those too, parse the text with [`json_text_to_any`].
pub fn json_to_any(v: &Json) -> Result<Any> {
    to_any(v, 0)
}

fn to_any(v: &Json, depth: usize) -> Result<Any> {
    if depth > MAX_DEPTH {
        return Err(too_deep());
    }
    Ok(match v {
        Json::Null => Any::None,
        Json::Bool(b) => Any::Bool(*b),
        Json::Number(n) => match number(n)? {
            Value::Int(i) => Any::Int(i),
            Value::Float(f) => Any::Float(f),
            _ => {
                return Err(Error::new(
                    &exc::ValueError,
                    format!("number {n} cannot be read"),
                ))
            }
        },
        Json::String(s) => Any::Str(Str::new(s)),
        Json::Array(items) => Any::List(List::from_vec(
            items
                .iter()
                .map(|x| to_any(x, depth + 1))
                .collect::<Result<_>>()?,
        )),
        Json::Object(map) => {
            let mut pairs = Vec::with_capacity(map.len());
            for (k, x) in map {
                pairs.push((Any::Str(Str::new(k)), to_any(x, depth + 1)?));
            }
            Any::Dict(Dict::from_pairs(pairs))
        }
    })
}

/// Parses JSON text (a `ValueError` with the line and column when it is not JSON) into a
/// script value, as [`json_to_any`]; an integer literal beyond 64 bits, however large, is
/// an `OverflowError`.
pub fn json_text_to_any(text: &str) -> Result<Any> {
    let text = &negative_zero_as_int(text);
    let v: Json = serde_json::from_str(text)
        .map_err(|e| Error::new(&exc::ValueError, format!("invalid JSON: {e}")))?;
    if let Some(big) = find_big_integer(text) {
        return Err(Error::new(&exc::OverflowError, big.to_string()));
    }
    json_to_any(&v)
}

/// A script value as plain JSON: `None`, `bool`, `int`, `str` as themselves, a finite
/// `float` as a number, `list` and `tuple` as arrays, a `dict` with `str` keys as an
/// object, an `NDArray` as its `tolist()` nested arrays. Anything else has no plain JSON
/// form: `TypeError` naming its type (`bytes`, `set`, compiled objects, a dict key that is
/// not a `str`); a nan or infinite float is a `ValueError`.
pub fn any_to_json(a: &Any) -> Result<Json> {
    to_json(a, 0)
}

fn not_serializable(type_name: &str) -> Error {
    Error::new(
        &exc::TypeError,
        format!("Object of type {type_name} is not JSON serializable"),
    )
}

fn to_json(a: &Any, depth: usize) -> Result<Json> {
    if depth > MAX_DEPTH {
        return Err(too_deep());
    }
    let items = |xs: &[Any]| -> Result<Json> {
        Ok(Json::Array(
            xs.iter()
                .map(|x| to_json(x, depth + 1))
                .collect::<Result<_>>()?,
        ))
    };
    Ok(match a {
        Any::None => Json::Null,
        Any::Bool(b) => Json::Bool(*b),
        Any::Int(i) => Json::from(*i),
        Any::Float(f) => match Number::from_f64(*f) {
            Some(n) => Json::Number(n),
            None => {
                return Err(Error::new(
                    &exc::ValueError,
                    format!(
                        "Out of range float values are not JSON compliant: {}",
                        crate::repr(a)?
                    ),
                ))
            }
        },
        Any::Str(s) => Json::String(s.as_str().to_string()),
        Any::List(l) => items(&l.to_vec())?,
        Any::Tuple(t) => items(t)?,
        Any::Dict(d) => {
            let mut m = Map::new();
            for (k, v) in d.to_pairs() {
                let Any::Str(k) = k else {
                    return Err(Error::new(
                        &exc::TypeError,
                        format!(
                            "dict keys must be str to be written as JSON, not {}",
                            k.py_type_name()
                        ),
                    ));
                };
                m.insert(k.as_str().to_string(), to_json(&v, depth + 1)?);
            }
            Json::Object(m)
        }
        Any::Object(_) => match a.downcast::<NDArray>() {
            Some(nd) => to_json(&nd.tolist()?, depth + 1)?,
            None => return Err(not_serializable(a.py_type_name())),
        },
        Any::Bytes(_) | Any::Set(_) => return Err(not_serializable(a.py_type_name())),
    })
}

/// `text` with every integer literal `-0` written `" 0"` (same length, so positions in
/// messages stay right): `serde_json` reads `-0` as the float `-0.0`, where Python's `json`
/// reads the int `0` (`-0.0` stays a float).
pub(crate) fn negative_zero_as_int(text: &str) -> std::borrow::Cow<'_, str> {
    let b = text.as_bytes();
    let mut at = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() {
                    match b[i] {
                        b'\\' => i += 2,
                        b'"' => break,
                        _ => i += 1,
                    }
                }
                i += 1;
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                while i < b.len() && matches!(b[i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    i += 1;
                }
                if &b[start..i] == b"-0" {
                    at.push(start);
                }
            }
            _ => i += 1,
        }
    }
    if at.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = b.to_vec();
    for p in at {
        out[p] = b' ';
    }
    // Only an ASCII '-' became an ASCII ' ': still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| text.to_string()))
}

/// An integer literal of valid JSON `text` that does not fit in 64 bits.
pub(crate) struct BigInteger<'a> {
    pub line: usize,
    pub column: usize,
    pub literal: &'a str,
}

impl std::fmt::Display for BigInteger<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "integer {} at line {} column {} is out of range: int is 64-bit (-2**63 to 2**63-1)",
            self.literal, self.line, self.column
        )
    }
}

/// The first integer literal (no fraction, no exponent) of valid JSON `text` that does not
/// fit in an `i64`: `serde_json` would silently read it as a float.
pub(crate) fn find_big_integer(text: &str) -> Option<BigInteger<'_>> {
    let b = text.as_bytes();
    let (mut i, mut line, mut line_start) = (0, 1, 0);
    while i < b.len() {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() {
                    match b[i] {
                        b'\\' => i += 2,
                        b'"' => break,
                        _ => i += 1,
                    }
                }
                i += 1;
            }
            b'\n' => {
                line += 1;
                i += 1;
                line_start = i;
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                while i < b.len() && matches!(b[i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    i += 1;
                }
                let literal = text.get(start..i).unwrap_or_default();
                let integer = !literal.contains(['.', 'e', 'E']);
                if integer && literal.parse::<i64>().is_err() {
                    return Some(BigInteger {
                        line,
                        column: start - line_start + 1,
                        literal,
                    });
                }
            }
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_big_integers_outside_strings() {
        assert!(
            find_big_integer(r#"{"a": "99999999999999999999", "b": [1, -2, 3.5e40]}"#).is_none()
        );
        let big = find_big_integer("{\"a\": 1,\n \"b\": -99999999999999999999}").unwrap();
        assert_eq!(
            (big.line, big.column, big.literal),
            (2, 7, "-99999999999999999999")
        );
        assert!(find_big_integer(r#"["\"", 18446744073709551616]"#).is_some());
    }

    #[test]
    fn negative_zero_is_the_int_zero_as_python_reads_it() {
        // Issue 12: `-0` was read as the float -0.0 in feeds and in pipeline.json.
        let a = json_text_to_any(r#"[-0, -0.0, -0e0, "-0", {"k": -0}]"#).unwrap();
        assert_eq!(crate::repr(&a).unwrap(), "[0, -0.0, -0.0, '-0', {'k': 0}]");
        assert_eq!(negative_zero_as_int("[-0,\n-0]"), "[ 0,\n 0]");
        assert_eq!(
            negative_zero_as_int(r#"["a\"-0", -01]"#),
            r#"["a\"-0", -01]"#
        );
    }
}
