//! `matx::stdlib::base64` against CPython: encodings of random bytes, and decodings of valid
//! and malformed input in every mode, with `binascii.Error`'s messages.

#[path = "support/stdlib_cases.rs"]
mod cases;

use cases::{actual, expected, r};
use matx::stdlib::base64 as b;
use matx::{Bytes, Str};
use serde_json::Value;

fn bytes(v: &Value) -> Bytes {
    let v: Vec<u8> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as u8)
        .collect();
    Bytes::new(&v)
}

fn run(f: &str, a: &[Value]) -> matx::Result<String> {
    let d = || b::DecodeData::Bytes(bytes(&a[0]));
    let res = match f {
        "b64encode" => b::b64encode(bytes(&a[0]), None)?,
        "b64encode_alt" => b::b64encode(
            bytes(&a[0]),
            Some(Bytes::new(a[1].as_str().unwrap().as_bytes())),
        )?,
        "urlsafe_b64encode" => b::urlsafe_b64encode(bytes(&a[0]))?,
        "encodebytes" => b::encodebytes(bytes(&a[0]))?,
        "b32encode" => b::b32encode(bytes(&a[0]))?,
        "b32hexencode" => b::b32hexencode(bytes(&a[0]))?,
        "b16encode" => b::b16encode(bytes(&a[0]))?,
        "b64decode" => b::b64decode(d(), None, false)?,
        "b64decode_validate" => b::b64decode(d(), None, true)?,
        "b64decode_alt" => b::b64decode(d(), Some(b::DecodeData::Bytes(Bytes::new(b"-_"))), false)?,
        "urlsafe_b64decode" => b::urlsafe_b64decode(d())?,
        "decodebytes" => b::decodebytes(bytes(&a[0]))?,
        "b16decode" => b::b16decode(d(), false)?,
        "b16decode_fold" => b::b16decode(d(), true)?,
        "b32decode" => b::b32decode(d(), false, None)?,
        "b32decode_fold" => b::b32decode(d(), true, None)?,
        "b32decode_map01" => {
            b::b32decode(d(), false, Some(b::DecodeData::Bytes(Bytes::new(b"L"))))?
        }
        "b32hexdecode" => b::b32hexdecode(d(), false)?,
        "b64decode_str" => b::b64decode(
            b::DecodeData::Str(Str::from(a[0].as_str().unwrap())),
            None,
            false,
        )?,
        other => panic!("{other}"),
    };
    r(res)
}

#[test]
fn base64_matches_cpython() {
    let mut results = Vec::new();
    for c in cases::load("base64") {
        let f = c["fn"].as_str().unwrap();
        let a = c["args"].as_array().unwrap();
        results.push((format!("{f}({a:?})"), expected(&c), actual(run(f, a))));
    }
    cases::check_all("base64", results);
}
