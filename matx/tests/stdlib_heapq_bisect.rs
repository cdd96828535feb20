//! `matx::stdlib::heapq` and `bisect` against CPython: heap contents after every operation,
//! `nsmallest`/`nlargest`/`merge` with ties and keys, searches with bounds and keys.

#[path = "support/stdlib_cases.rs"]
mod cases;

use cases::{actual, any, expected, key_fn, list, r};
use matx::stdlib::{bisect, heapq};
use matx::{Any, List};
use serde_json::Value;

fn outcome(v: &Value) -> Result<String, (String, String)> {
    expected(v)
}

#[test]
fn heapq_matches_cpython() {
    let mut results = Vec::new();
    for c in cases::load("heapq") {
        match c["kind"].as_str().unwrap() {
            "heap" => {
                let heap = list(&c["start"]);
                for op in c["ops"].as_array().unwrap() {
                    let (name, x) = (op[0].as_str().unwrap(), any(&op[1]));
                    let got = match name {
                        "heapify" => heapq::heapify(heap.clone()).and_then(r),
                        "heappush" => heapq::heappush(heap.clone(), x.clone()).and_then(r),
                        "heappop" => heapq::heappop(heap.clone()).and_then(r),
                        "heapreplace" => heapq::heapreplace(heap.clone(), x.clone()).and_then(r),
                        "heappushpop" => heapq::heappushpop(heap.clone(), x.clone()).and_then(r),
                        other => panic!("{other}"),
                    };
                    let what = format!("{name}({}) on {}", op[1], c["start"]);
                    results.push((what.clone(), outcome(&op[2]), actual(got)));
                    results.push((
                        format!("{what}: heap after"),
                        Ok(op[3].as_str().unwrap().to_string()),
                        actual(r(heap.clone())),
                    ));
                }
            }
            "nsmallest" => {
                let xs = list(&c["xs"]);
                let key = c["key"].as_str();
                for call in c["calls"].as_array().unwrap() {
                    let (f, n) = (call[0].as_str().unwrap(), call[1].as_i64().unwrap());
                    let got = match (f, key) {
                        ("nsmallest", None) => heapq::nsmallest(n, xs.clone()),
                        ("nlargest", None) => heapq::nlargest(n, xs.clone()),
                        ("nsmallest", Some(k)) => heapq::nsmallest_by(n, xs.clone(), key_fn(k)),
                        ("nlargest", Some(k)) => heapq::nlargest_by(n, xs.clone(), key_fn(k)),
                        _ => unreachable!(),
                    };
                    results.push((
                        format!("{f}({n}, {}, key={key:?})", c["xs"]),
                        outcome(&call[2]),
                        actual(got.and_then(r)),
                    ));
                }
            }
            "merge" => {
                let ins: List<List<Any>> =
                    List::from_vec(c["ins"].as_array().unwrap().iter().map(list).collect());
                let rev = c["reverse"].as_bool().unwrap();
                let got = match c["key"].as_str() {
                    None => heapq::merge(ins, rev),
                    Some(k) => heapq::merge_by(ins, key_fn(k), rev),
                };
                results.push((
                    format!("merge({}, key={}, reverse={rev})", c["ins"], c["key"]),
                    outcome(&c),
                    actual(got.and_then(r)),
                ));
            }
            other => panic!("{other}"),
        }
    }
    cases::check_all("heapq", results);
}

#[test]
fn bisect_matches_cpython() {
    let mut results = Vec::new();
    for c in cases::load("bisect") {
        let key = c["key"].as_str();
        for call in c["calls"].as_array().unwrap() {
            let a = list(&c["a"]);
            let f = call[0].as_str().unwrap();
            let x = any(&call[1]);
            let lo = call[2].as_i64().unwrap();
            let hi = call[3].as_i64();
            let got = match (f, key) {
                ("bisect_left", None) => bisect::bisect_left(a, x, lo, hi).and_then(r),
                ("bisect_right", None) => bisect::bisect_right(a, x, lo, hi).and_then(r),
                ("insort_left", None) => {
                    bisect::insort_left(a.clone(), x, lo, hi).and_then(|()| r(a))
                }
                ("insort_right", None) => {
                    bisect::insort_right(a.clone(), x, lo, hi).and_then(|()| r(a))
                }
                ("bisect_left", Some(k)) => key_fn(k)(&x)
                    .and_then(|kx| bisect::bisect_left_by(a, kx, lo, hi, key_fn(k)))
                    .and_then(r),
                ("bisect_right", Some(k)) => key_fn(k)(&x)
                    .and_then(|kx| bisect::bisect_right_by(a, kx, lo, hi, key_fn(k)))
                    .and_then(r),
                ("insort_left", Some(k)) => {
                    bisect::insort_left_by(a.clone(), x, lo, hi, key_fn(k)).and_then(|()| r(a))
                }
                ("insort_right", Some(k)) => {
                    bisect::insort_right_by(a.clone(), x, lo, hi, key_fn(k)).and_then(|()| r(a))
                }
                _ => unreachable!(),
            };
            results.push((
                format!("{f}({}, {}, {lo}, {hi:?}, key={key:?})", c["a"], call[1]),
                outcome(&call[4]),
                actual(got),
            ));
        }
    }
    cases::check_all("bisect", results);
}
