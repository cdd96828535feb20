//! `matx::stdlib::itertools` against CPython: `list(...)` of each iterator, lazily cut where
//! infinite, groupby's shared groups, tee's buffers.

#[path = "support/stdlib_cases.rs"]
mod cases;

use cases::{actual, any, expected, list, r};
use matx::rt::{iter, PyIter};
use matx::stdlib::itertools as it;
use matx::{Any, List, PyValue};
use serde_json::Value;
use std::sync::Arc;

fn src(v: &Value) -> matx::value::ListIter<Any> {
    iter(&list(v))
}

fn all<T: Clone>(p: PyIter<T>) -> matx::Result<List<T>> {
    matx::rt::to_list(&p)
}

fn take<T: Clone + Send + 'static>(p: PyIter<T>, n: i64) -> matx::Result<List<T>> {
    all(it::islice(iter(&p), None, Some(n), None)?)
}

fn func2(name: &str) -> it::Fn2<Any, Any, Any> {
    match name {
        "add" => Arc::new(|a, b| matx::ops::add_any(&a, &b)),
        "mul" => Arc::new(|a, b| matx::ops::mul_any(&a, &b)),
        "sub" => Arc::new(|a, b| matx::ops::sub_any(&a, &b)),
        "max" => Arc::new(|a: Any, b: Any| Ok(if matx::PyOrd::py_gt(&b, &a)? { b } else { a })),
        other => panic!("{other}"),
    }
}

fn pred(name: &str) -> it::Fn1<Any, bool> {
    let n = name.to_string();
    Arc::new(move |x: Any| {
        let Any::Int(i) = x else {
            panic!("int predicate")
        };
        Ok(match n.as_str() {
            "lt5" => i < 5,
            "odd" => i.rem_euclid(2) == 1,
            "pos" => i > 0,
            other => panic!("{other}"),
        })
    })
}

fn ident() -> it::Fn1<Any, Any> {
    Arc::new(Ok)
}

fn run(name: &str, a: &[Value]) -> matx::Result<String> {
    let i = |k: usize| a[k].as_i64();
    match name {
        "count" => r(take(
            it::count(i(0).unwrap(), i(1).unwrap()),
            i(2).unwrap(),
        )?),
        "cycle" => r(take(it::cycle(src(&a[0])), i(1).unwrap())?),
        "repeat" => r(take(it::repeat(any(&a[0]), i(1)), 6)?),
        "accumulate" => {
            let f = func2(a[1].as_str().unwrap_or("add"));
            let init = (!a[2].is_null()).then(|| any(&a[2]));
            r(all(it::accumulate(src(&a[0]), f, init))?)
        }
        "chain" => {
            let parts: Vec<matx::Result<_>> = a[0]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| Ok(src(x)))
                .collect();
            r(all(it::chain(parts.into_iter()))?)
        }
        "compress" => r(all(it::compress(src(&a[0]), src(&a[1])))?),
        "dropwhile" => r(all(it::dropwhile(
            pred(a[0].as_str().unwrap()),
            src(&a[1]),
        ))?),
        "takewhile" => r(all(it::takewhile(
            pred(a[0].as_str().unwrap()),
            src(&a[1]),
        ))?),
        "filterfalse" => r(all(it::filterfalse(
            pred(a[0].as_str().unwrap()),
            src(&a[1]),
        ))?),
        "islice" => {
            let p = match a.len() {
                2 => it::islice(src(&a[0]), None, i(1), None)?,
                3 => it::islice(src(&a[0]), i(1), i(2), None)?,
                _ => it::islice(src(&a[0]), i(1), i(2), i(3))?,
            };
            r(all(p)?)
        }
        "pairwise" => r(all(it::pairwise(src(&a[0])))?),
        "zip_longest2" => r(all(it::zip_longest2(src(&a[0]), src(&a[1])))?),
        "zip_longest" => {
            let srcs = a[0].as_array().unwrap().iter().map(src).collect();
            r(all(it::zip_longest(srcs, any(&a[1])))?)
        }
        "product" => {
            let pools = a[0]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| list(p).to_vec())
                .collect();
            r(all(it::product(pools, i(1).unwrap())?)?)
        }
        "product2" => r(all(it::product2(src(&a[0]), src(&a[1]))?)?),
        "permutations" => r(all(it::permutations(src(&a[0]), i(1))?)?),
        "combinations" => r(all(it::combinations(src(&a[0]), i(1).unwrap())?)?),
        "cwr" => r(all(it::combinations_with_replacement(
            src(&a[0]),
            i(1).unwrap(),
        )?)?),
        "groupby_lists" => {
            let key: it::Fn1<Any, Any> = if a[1].as_bool().unwrap() {
                Arc::new(|x: Any| matx::ops::mod_any(&x, &Any::Int(3)))
            } else {
                ident()
            };
            let mut out = Vec::new();
            for kg in iter(&it::groupby(src(&a[0]), key)) {
                let (k, g) = kg?;
                out.push((k, all(g)?));
            }
            r(List::from_vec(out))
        }
        "groupby_keys" => {
            let mut out = Vec::new();
            for kg in iter(&it::groupby(src(&a[0]), ident())) {
                out.push(kg?.0);
            }
            r(List::from_vec(out))
        }
        "groupby_stale" => {
            let groups = all(it::groupby(src(&a[0]), ident()))?;
            let mut out = Vec::new();
            for (k, g) in groups.to_vec() {
                out.push((k, all(g)?));
            }
            r(List::from_vec(out))
        }
        "groupby_partial" => {
            let mut out = Vec::new();
            for kg in iter(&it::groupby(src(&a[0]), ident())) {
                let (k, g) = kg?;
                out.push((k, matx::rt::next(&g)?));
            }
            r(List::from_vec(out))
        }
        "tee" => {
            let t = it::tee(src(&a[0]), 2)?;
            let first = take(t[0].clone(), 2)?;
            let (y, x) = (all(t[1].clone())?, all(t[0].clone())?);
            let mut s = String::from("[");
            for (n, l) in [first, y, x].iter().enumerate() {
                if n > 0 {
                    s.push_str(", ");
                }
                l.py_repr(&mut s)?;
            }
            s.push(']');
            Ok(s)
        }
        other => panic!("{other}"),
    }
}

#[test]
fn itertools_matches_cpython() {
    let mut results = Vec::new();
    for c in cases::load("itertools") {
        let name = c["fn"].as_str().unwrap();
        let args = c["args"].as_array().unwrap();
        results.push((
            format!("{name}{args:?}"),
            expected(&c),
            actual(run(name, args)),
        ));
    }
    cases::check_all("itertools", results);
}
