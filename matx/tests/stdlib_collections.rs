//! `matx::stdlib::collections` against CPython: deques under random operation sequences
//! (with `maxlen`), Counter's counting, ordering, arithmetic and repr, defaultdict, OrderedDict.

#[path = "support/stdlib_cases.rs"]
mod cases;

use cases::{actual, any, expected, list, r};
use matx::stdlib::collections::{Counter, DefaultDict, Deque, Factory, OrderedDict};
use matx::{Any, Dict, List, PyOrd, PyValue, Str};
use serde_json::Value;

fn none() -> matx::Result<String> {
    r(())
}

fn deque_op(d: &Deque<Any>, op: &str, x: Any, xs: &List<Any>, i: i64) -> matx::Result<String> {
    match op {
        "append" => d.append(x).and_then(|()| none()),
        "appendleft" => d.appendleft(x).and_then(|()| none()),
        "count" => r(d.count(x)?),
        "remove" => d.remove(x).and_then(|()| none()),
        "pop" => r(d.pop()?),
        "popleft" => r(d.popleft()?),
        "reverse" => d.reverse().and_then(|()| none()),
        "clear" => d.clear().and_then(|()| none()),
        "extend" => d.extend(xs.to_vec()).and_then(|()| none()),
        "extendleft" => d.extendleft(xs.to_vec()).and_then(|()| none()),
        "rotate" => d.rotate(i).and_then(|()| none()),
        "getitem" => r(d.get_item(i)?),
        "setitem" => d.set_item(i, x).and_then(|()| none()),
        "delitem" => d.del_item(i).and_then(|()| none()),
        "insert" => d.insert(i, x).and_then(|()| none()),
        "index" => r(d.index(x, 0, i64::MAX)?),
        "index_range" => r(d.index(x, i, i + 4)?),
        "contains" => r(d.contains(&x)?),
        "len" => r(d.len() as i64),
        "copy_append" => {
            let c = d.copy()?;
            c.append(x)?;
            r(c)
        }
        "concat" => r(d.concat(&Deque::new(xs.to_vec(), None)?)?),
        "repeat" => r(d.repeat(i.rem_euclid(3))?),
        "lt" => r(d.py_lt(&Deque::new(xs.to_vec(), None)?)?),
        "eq" => r(d.py_eq(&Deque::new(xs.to_vec(), None)?)?),
        other => panic!("{other}"),
    }
}

fn strs(v: &Value) -> Vec<matx::Result<Str>> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| Ok(Str::from(s.as_str().unwrap())))
        .collect()
}

fn counter_op(c: &Counter<Str>, o: &Counter<Str>, other: &Value, op: &str) -> matx::Result<String> {
    match op {
        "repr" => r(Str::from(matx::repr(c)?.as_str())),
        "most_common" => r(c.most_common(None)?),
        "most_common2" => r(c.most_common(Some(2))?),
        "most_common0" => r(c.most_common(Some(-1))?),
        "elements" => r(c.elements()),
        "total" => r(c.total()?),
        "add" => r(c.add(o)?),
        "sub" => r(c.sub(o)?),
        "or" => r(c.or(o)?),
        "and" => r(c.and(o)?),
        "pos" => r(c.pos()?),
        "neg" => r(c.neg()?),
        "eq" => r(c.py_eq(o)?),
        "le" => r(c.le(o)?),
        "lt" => r(c.lt(o)?),
        "iadd" => c.iadd(o).and_then(|()| r(c.clone())),
        "isub" => c.isub(o).and_then(|()| r(c.clone())),
        "ior" => c.ior(o).and_then(|()| r(c.clone())),
        "iand" => c.iand(o).and_then(|()| r(c.clone())),
        "update" => c.update_items(strs(other)).and_then(|()| r(c.clone())),
        "subtract" => c.subtract_items(strs(other)).and_then(|()| r(c.clone())),
        "getmissing" => {
            let k = Str::from("zz");
            r((c.get_item(&k)?, c.dict().contains(&k)))
        }
        "delmissing" => c.del_item(&Str::from("zz")).and_then(|()| r(c.clone())),
        "update_dict" => {
            let d: Dict<Str, i64> = o.dict().copy()?;
            c.update_dict(&d).and_then(|()| r(c.clone()))
        }
        other => panic!("{other}"),
    }
}

fn ok(s: String) -> Result<String, (String, String)> {
    Ok(s)
}

fn trace_entry(v: &Value) -> Result<String, (String, String)> {
    match v {
        Value::String(s) => Ok(s.clone()),
        other => expected(other),
    }
}

#[test]
fn collections_match_cpython() {
    let mut results = Vec::new();
    for c in cases::load("collections") {
        match c["kind"].as_str().unwrap() {
            "deque" => {
                let d = Deque::new(list(&c["start"]).to_vec(), c["maxlen"].as_i64()).unwrap();
                for op in c["ops"].as_array().unwrap() {
                    let name = op[0].as_str().unwrap();
                    let got = deque_op(
                        &d,
                        name,
                        any(&op[1]),
                        &list(&op[2]),
                        op[3].as_i64().unwrap(),
                    );
                    let what = format!(
                        "deque {} maxlen {}: {name} {} {} {}",
                        c["start"], c["maxlen"], op[1], op[2], op[3]
                    );
                    results.push((what.clone(), expected(&op[4]), actual(got)));
                    results.push((
                        format!("{what}: after"),
                        ok(op[5].as_str().unwrap().into()),
                        actual(r(d.clone())),
                    ));
                }
            }
            "counter" => {
                for call in c["calls"].as_array().unwrap() {
                    let name = call[0].as_str().unwrap();
                    let cc = Counter::from_items(strs(&c["words"])).unwrap();
                    if c["zero_a"].as_bool().unwrap() {
                        cc.set_item(Str::from("a"), 0).unwrap();
                    }
                    let o = Counter::from_items(strs(&c["other"])).unwrap();
                    if c["neg_b"].as_bool().unwrap() {
                        o.set_item(Str::from("b"), -2).unwrap();
                    }
                    let got = counter_op(&cc, &o, &c["other"], name);
                    results.push((
                        format!("Counter({}) {name} {}", c["words"], c["other"]),
                        expected(&call[1]),
                        actual(got),
                    ));
                }
            }
            "defaultdict" => {
                let t = c["trace"].as_array().unwrap();
                let dd: DefaultDict<Str, List<i64>> =
                    DefaultDict::new(Some(Factory::new("<class 'list'>", || Ok(List::new()))));
                for (k, v) in [("a", 1), ("b", 2), ("a", 3)] {
                    dd.get_item(&Str::from(k)).unwrap().append(v).unwrap();
                }
                let mut got = vec![
                    r(dd.clone()),
                    r(dd.get_item(&Str::from("zz")).unwrap()),
                    r(dd.clone()),
                ];
                got.push(r(dd.dict().get(Str::from("yy")).unwrap()));
                got.push(r(dd.dict().contains(&Str::from("yy"))));
                let di: DefaultDict<Str, i64> =
                    DefaultDict::new(Some(Factory::new("<class 'int'>", || Ok(0))));
                for ch in "mississippi".chars() {
                    let k = Str::from_char(ch);
                    let n = di.get_item(&k).unwrap();
                    di.dict().set_item(k, n + 1).unwrap();
                }
                got.push(r(di));
                let dn: DefaultDict<Str, i64> =
                    DefaultDict::from_dict(None, &Dict::from_pairs(vec![(Str::from("x"), 1)]))
                        .unwrap();
                got.push(r(dn.clone()));
                got.push(dn.get_item(&Str::from("q")).and_then(r));
                for (n, (want, g)) in t.iter().zip(got).enumerate() {
                    results.push((
                        format!("defaultdict trace {n}"),
                        trace_entry(want),
                        actual(g),
                    ));
                }
            }
            "ordereddict" => {
                let t = c["trace"].as_array().unwrap();
                let od: OrderedDict<Str, i64> = OrderedDict::new();
                for k in ["b", "a", "c", "d"] {
                    od.dict()
                        .set_item(Str::from(k), 1 + k.chars().next().unwrap() as i64)
                        .unwrap();
                }
                let mut got = vec![r(od.clone())];
                got.push(
                    od.move_to_end(Str::from("b"), true)
                        .and_then(|()| r(od.clone())),
                );
                got.push(
                    od.move_to_end(Str::from("c"), false)
                        .and_then(|()| r(od.clone())),
                );
                got.push(od.move_to_end(Str::from("zz"), true).and_then(|()| none()));
                got.push(r(od.popitem(true).unwrap()));
                got.push(r(od.popitem(false).unwrap()));
                got.push(r(od.clone()));
                let xy = |pairs: Vec<(&str, i64)>| {
                    OrderedDict::from_dict(&Dict::from_pairs(
                        pairs.into_iter().map(|(k, v)| (Str::from(k), v)).collect(),
                    ))
                    .unwrap()
                };
                got.push(r(xy(vec![("x", 1), ("y", 2)])
                    .py_eq(&xy(vec![("y", 2), ("x", 1)]))
                    .unwrap()));
                got.push(r(xy(vec![("x", 1), ("y", 2)])
                    .py_eq(&xy(vec![("x", 1), ("y", 2)]))
                    .unwrap()));
                od.dict().clear().unwrap();
                got.push(r(od.clone()));
                got.push(od.popitem(true).and_then(r));
                got.push(od.popitem(false).and_then(r));
                for (n, (want, g)) in t.iter().zip(got).enumerate() {
                    results.push((
                        format!("OrderedDict trace {n}"),
                        trace_entry(want),
                        actual(g),
                    ));
                }
            }
            other => panic!("{other}"),
        }
    }
    cases::check_all("collections", results);
}
