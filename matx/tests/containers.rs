//! Lists, dicts and sets against CPython 3.11's outputs (each expected value was printed by `python3`).

use matx::value::{Any, Dict, List, PyIterable, PyOrd, PyValue, Set, Str};
use matx::{repr, Result};

fn l(v: &[i64]) -> List<i64> {
    List::from_vec(v.to_vec())
}

fn r<T: PyValue>(v: &T) -> String {
    repr(v).unwrap()
}

fn msg<T: std::fmt::Debug>(x: Result<T>) -> String {
    x.unwrap_err().repr()
}

#[test]
fn list_slices() {
    let a = l(&[1, 2, 3, 4, 5]);
    a.set_slice(Some(1), Some(3), None, l(&[9, 9, 9])).unwrap();
    assert_eq!(r(&a), "[1, 9, 9, 9, 4, 5]");
    let a = l(&[1, 2, 3, 4, 5]);
    a.set_slice(None, None, Some(2), l(&[7, 8, 9])).unwrap();
    assert_eq!(r(&a), "[7, 2, 8, 4, 9]");
    assert_eq!(
        msg(a.set_slice(None, None, Some(2), l(&[1, 2]))),
        "ValueError('attempt to assign sequence of size 2 to extended slice of size 3')"
    );
    let a = l(&[1, 2, 3, 4, 5]);
    a.del_slice(None, None, Some(-2)).unwrap();
    assert_eq!(r(&a), "[2, 4]");
    let a = l(&[1, 2, 3, 4, 5]);
    a.del_slice(Some(1), Some(3), None).unwrap();
    assert_eq!(r(&a), "[1, 4, 5]");
    let a = l(&[1, 2, 3]);
    a.set_slice(Some(5), Some(1), None, l(&[8])).unwrap();
    assert_eq!(r(&a), "[1, 2, 3, 8]");
    let a = l(&[1, 2, 3]);
    a.set_slice(Some(-10), Some(1), None, l(&[])).unwrap();
    assert_eq!(r(&a), "[2, 3]");
    let a = l(&[1, 2, 3]);
    a.set_slice(None, None, None, a.clone()).unwrap();
    assert_eq!(r(&a), "[1, 2, 3]");
    assert_eq!(
        r(&l(&[1, 2, 3, 4]).get_slice(None, None, Some(-2)).unwrap()),
        "[4, 2]"
    );
    assert_eq!(
        msg(a.get_slice(None, None, Some(0))),
        "ValueError('slice step cannot be zero')"
    );
}

#[test]
fn list_methods() {
    let a = l(&[1, 2, 3]);
    a.extend(a.clone()).unwrap();
    assert_eq!(r(&a), "[1, 2, 3, 1, 2, 3]");
    let a = l(&[1, 2]);
    a.iadd(a.clone()).unwrap();
    assert_eq!(r(&a), "[1, 2, 1, 2]");
    let a = l(&[1, 2]);
    a.imul(3).unwrap();
    assert_eq!(r(&a), "[1, 2, 1, 2, 1, 2]");
    assert_eq!(r(&l(&[1]).repeat(-1).unwrap()), "[]");
    let a = l(&[1, 2, 3]);
    a.insert(-100, 0).unwrap();
    a.insert(100, 4).unwrap();
    a.insert(-1, 9).unwrap();
    assert_eq!(r(&a), "[0, 1, 2, 3, 9, 4]");
    let a = l(&[1, 2, 3]);
    assert_eq!(msg(a.pop(5)), "IndexError('pop index out of range')");
    assert_eq!(msg(l(&[]).pop(-1)), "IndexError('pop from empty list')");
    assert_eq!(
        msg(a.index(5, 0, i64::MAX)),
        "ValueError('5 is not in list')"
    );
    assert_eq!(
        msg(a.remove(5)),
        "ValueError('list.remove(x): x not in list')"
    );
    assert_eq!(msg(a.get_item(3)), "IndexError('list index out of range')");
    assert_eq!(
        msg(a.set_item(3, 1)),
        "IndexError('list assignment index out of range')"
    );
    assert_eq!(
        msg(a.del_item(-4)),
        "IndexError('list assignment index out of range')"
    );
    assert_eq!(
        msg(a.index(2, -1, i64::MAX)),
        "ValueError('2 is not in list')"
    );
    assert_eq!(msg(a.index(1, 1, 100)), "ValueError('1 is not in list')");
    let s = List::from_vec(vec![Str::new("a")]);
    assert_eq!(
        msg(s.index(Str::new("b"), 0, i64::MAX)),
        "ValueError(\"'b' is not in list\")"
    );
    assert_eq!(a.index(3, -1, i64::MAX).unwrap(), 2);
    assert_eq!(a.pop(-1).unwrap(), 3);
    assert_eq!(a.get_item(-1).unwrap(), 2);
    assert_eq!(l(&[1, 2, 1]).count(1).unwrap(), 2);
    assert!(l(&[1, 2]).contains(&2).unwrap());
    let a = l(&[3, 1, 2]);
    a.reverse().unwrap();
    assert_eq!(r(&a), "[2, 1, 3]");
    a.sort(false).unwrap();
    assert_eq!(r(&a), "[1, 2, 3]");
    a.sort(true).unwrap();
    assert_eq!(r(&a), "[3, 2, 1]");
    let c = a.copy().unwrap();
    c.append(0).unwrap();
    assert_eq!(a.len(), 3);
    a.clear().unwrap();
    assert_eq!(r(&a), "[]");
    let b = a.clone();
    b.append(7).unwrap();
    assert_eq!(r(&a), "[7]");
}

#[test]
fn list_iteration_sees_appends() {
    let a = l(&[1, 2]);
    let mut seen = Vec::new();
    for x in a.py_iter() {
        let x = x.unwrap();
        seen.push(x);
        if x < 3 {
            a.append(x + 2).unwrap();
        }
    }
    assert_eq!(seen, vec![1, 2, 3, 4]);
}

/// Every kind of change in the loop's body (as CPython's list iterator, which reads the list
/// at its index on every step): the iterator's copied-ahead items are never stale.
#[test]
fn list_iteration_sees_every_change() {
    // (change at step i, expected items seen), checked against CPython by hand:
    // `for x in a: seen.append(x); <change>`
    let run = |n: i64, change: &dyn Fn(&List<i64>, i64)| {
        let a = l(&(0..n).collect::<Vec<_>>());
        let mut seen = Vec::new();
        for (i, x) in a.py_iter().enumerate() {
            seen.push(x.unwrap());
            change(&a, i as i64);
        }
        seen
    };
    // a[i + 1] = -1 at every step: every later item is seen changed.
    assert_eq!(
        run(6, &|a, i| {
            let _ = a.set_item(i + 1, -1);
        }),
        vec![0, -1, -1, -1, -1, -1]
    );
    // Removing the first item shifts the rest under the index: every other item is seen.
    assert_eq!(
        run(10, &|a, _| {
            a.pop(0).unwrap();
        }),
        vec![0, 2, 4, 6, 8]
    );
    // Inserting at the front: the current item is seen again and again (stopped at 5).
    assert_eq!(
        run(300, &|a, i| {
            if i < 5 {
                a.insert(0, 100 + i).unwrap();
            }
        }),
        [vec![0; 6], (1..300).collect::<Vec<_>>()].concat()
    );
    // A change far ahead (beyond the first copies), made late.
    assert_eq!(
        run(600, &|a, i| {
            if i == 100 {
                a.set_item(500, -5).unwrap();
            }
        })[500],
        -5
    );
    // Clearing stops the loop.
    assert_eq!(
        run(50, &|a, i| if i == 20 {
            a.clear().unwrap()
        }),
        (0..21).collect::<Vec<_>>()
    );
}

/// Another thread changing the list while it is iterated: each item seen is either its old
/// or its new value, never a stale copy after the change is made (the writer waits for the
/// reader to confirm it saw the change).
#[test]
fn list_iteration_sees_other_threads_changes() {
    use std::sync::mpsc;
    let a = l(&vec![0; 2000]);
    let (to_writer, wake) = mpsc::channel::<i64>();
    let (done, wait) = mpsc::channel::<()>();
    let writer = {
        let a = a.clone();
        std::thread::spawn(move || {
            while let Ok(i) = wake.recv() {
                a.set_item(i, 7).unwrap();
                done.send(()).unwrap();
            }
        })
    };
    let mut seen = Vec::new();
    for (i, x) in a.py_iter().enumerate() {
        seen.push(x.unwrap());
        if i % 97 == 0 && i + 1 < 2000 {
            to_writer.send(i as i64 + 1).unwrap();
            wait.recv().unwrap();
        }
    }
    drop(to_writer);
    writer.join().unwrap();
    for (i, x) in seen.iter().enumerate() {
        let changed = i > 0 && (i - 1) % 97 == 0;
        assert_eq!(*x, if changed { 7 } else { 0 }, "item {i}");
    }
}

#[test]
fn self_containing_repr() {
    let a: List<Any> = List::new();
    a.append(Any::List(a.clone())).unwrap();
    assert_eq!(r(&a), "[[...]]");
    let d: Dict<Any, Any> = Dict::new();
    d.set_item(Any::from("x"), Any::Dict(d.clone())).unwrap();
    assert_eq!(r(&d), "{'x': {...}}");
}

#[test]
fn dicts() {
    let d: Dict<i64, Str> = Dict::from_pairs(vec![(1, Str::new("a")), (2, Str::new("b"))]);
    d.update(Dict::from_pairs(vec![
        (1, Str::new("c")),
        (3, Str::new("d")),
    ]))
    .unwrap();
    assert_eq!(r(&d), "{1: 'c', 2: 'b', 3: 'd'}");
    assert_eq!(r(&d.popitem().unwrap()), "(3, 'd')");
    let e: Dict<i64, i64> = Dict::new();
    let err = e.popitem().unwrap_err();
    assert_eq!(err.repr(), "KeyError('popitem(): dictionary is empty')");
    assert_eq!(err.message(), "'popitem(): dictionary is empty'");
    let s: Dict<Str, i64> = Dict::new();
    let err = s.get_item(&Str::new("k")).unwrap_err();
    assert_eq!(
        (err.repr().as_str(), err.message()),
        ("KeyError('k')", "'k'")
    );
    let d: Dict<Str, i64> = Dict::from_pairs(vec![(Str::new("a"), 1), (Str::new("b"), 2)]);
    d.del_item(&Str::new("a")).unwrap();
    d.set_item(Str::new("a"), 3).unwrap();
    assert_eq!(r(&d), "{'b': 2, 'a': 3}");
    assert_eq!(r(&d.keys().unwrap()), "['b', 'a']");
    assert_eq!(r(&d.values().unwrap()), "[2, 3]");
    assert_eq!(r(&d.items().unwrap()), "[('b', 2), ('a', 3)]");
    assert_eq!(d.get(Str::new("z")).unwrap(), None);
    assert_eq!(d.get_or(Str::new("z"), 5).unwrap(), 5);
    assert_eq!(d.setdefault(Str::new("b"), 9).unwrap(), 2);
    assert_eq!(d.setdefault(Str::new("c"), 9).unwrap(), 9);
    assert_eq!(r(&d), "{'b': 2, 'a': 3, 'c': 9}");
    assert_eq!(d.pop(Str::new("a")).unwrap(), 3);
    assert_eq!(d.pop_or(Str::new("a"), -1).unwrap(), -1);
    assert_eq!(msg(d.pop(Str::new("a"))), "KeyError('a')");
    assert!(d.contains(&Str::new("c")));
    assert_eq!(d.entry_at(1), Some((Str::new("c"), 9)));
    let e: Dict<i64, i64> = Dict::new();
    assert_eq!(r(&e), "{}");
    assert!(d.py_eq(&d.copy().unwrap()).unwrap());
}

#[test]
fn dict_iteration_detects_resize() {
    let d: Dict<i64, i64> = Dict::from_pairs(vec![(1, 2)]);
    let mut err = None;
    for k in d.py_iter() {
        match k {
            Ok(k) => d.set_item(k + 1, 0).unwrap(),
            Err(e) => err = Some(e),
        }
    }
    assert_eq!(
        err.unwrap().repr(),
        "RuntimeError('dictionary changed size during iteration')"
    );
    let s = Set::from_vec(vec![1i64]).unwrap();
    let mut err = None;
    for k in s.py_iter() {
        match k {
            Ok(k) => s.add(k + 1).unwrap(),
            Err(e) => err = Some(e),
        }
    }
    assert_eq!(
        err.unwrap().repr(),
        "RuntimeError('Set changed size during iteration')"
    );
}

#[test]
fn sets() {
    let s = |v: &[i64]| Set::from_vec(v.to_vec()).unwrap();
    assert_eq!(r(&s(&[1, 2]).bitxor(&s(&[2, 3])).unwrap()), "{1, 3}");
    assert_eq!(r(&s(&[1, 2]).bitand(&s(&[2, 3])).unwrap()), "{2}");
    assert_eq!(r(&s(&[1, 2]).bitor(&s(&[3])).unwrap()), "{1, 2, 3}");
    assert_eq!(r(&s(&[1, 2]).sub(&s(&[2])).unwrap()), "{1}");
    assert!(s(&[1]).py_lt_set(&s(&[1, 2])).unwrap());
    assert!(s(&[1, 2]).py_le_set(&s(&[1, 2])).unwrap());
    assert!(!s(&[1, 2]).py_lt_set(&s(&[1, 2])).unwrap());
    assert_eq!(r(&s(&[])), "set()");
    let err = s(&[]).pop().unwrap_err();
    assert_eq!(
        (err.repr().as_str(), err.message()),
        (
            "KeyError('pop from an empty set')",
            "'pop from an empty set'"
        )
    );
    let t = Set::from_vec(vec![(1i64, Str::new("b"))]).unwrap();
    let err = t.remove((1, Str::new("a"))).unwrap_err();
    assert_eq!(
        (err.repr().as_str(), err.message()),
        ("KeyError((1, 'a'))", "(1, 'a')")
    );
    let x = s(&[1, 2, 3]);
    x.difference_update(l(&[2])).unwrap();
    assert_eq!(r(&x), "{1, 3}");
    x.symmetric_difference_update(l(&[3, 4])).unwrap();
    assert_eq!(r(&x), "{1, 4}");
    assert!(x.issubset(l(&[1, 4, 5])).unwrap());
    assert!(x.issuperset(l(&[4])).unwrap());
    assert!(x.isdisjoint(l(&[2, 3])).unwrap());
    x.discard(9).unwrap();
    x.isub(&x.clone()).unwrap();
    assert_eq!(r(&x), "set()");
}

#[test]
fn any_values() {
    // python3 -c "print({1: 'a', 1.0: 'b', True: 'c'})"
    let d: Dict<Any, Any> = Dict::new();
    d.set_item(Any::Int(1), Any::from("a")).unwrap();
    d.set_item(Any::Float(1.0), Any::from("b")).unwrap();
    d.set_item(Any::Bool(true), Any::from("c")).unwrap();
    assert_eq!(r(&d), "{1: 'c'}");
    let key = Any::tuple(vec![Any::Float(1.0), Any::Int(2)]);
    d.set_item(Any::tuple(vec![Any::Int(1), Any::Int(2)]), Any::from("x"))
        .unwrap();
    assert_eq!(r(&d.get_item(&key).unwrap()), "'x'");
    let lst = Any::List(List::from_vec(vec![Any::Int(1)]));
    assert_eq!(
        msg(d.set_item(lst.clone(), Any::None)),
        "TypeError(\"unhashable type: 'list'\")"
    );
    assert_eq!(
        msg(Any::Dict(d.clone()).contains(&lst)),
        "TypeError(\"unhashable type: 'list'\")"
    );
    let v = Any::List(List::from_vec(vec![
        Any::Float(1.0),
        Any::Float(-0.0),
        Any::Float(f64::NAN),
        Any::Float(1e16),
        Any::tuple(vec![Any::from("a")]),
        Any::None,
    ]));
    assert_eq!(r(&v), "[1.0, -0.0, nan, 1e+16, ('a',), None]");
    assert_eq!(
        msg(Any::from("a").py_lt(&Any::Int(1))),
        "TypeError(\"'<' not supported between instances of 'str' and 'int'\")"
    );
    let a = Any::List(List::from_vec(vec![Any::Int(1)]));
    let b = Any::List(List::from_vec(vec![Any::from("a")]));
    assert_eq!(
        msg(a.py_lt(&b)),
        "TypeError(\"'<' not supported between instances of 'int' and 'str'\")"
    );
    assert!(Any::Int(1).py_eq(&Any::Float(1.0)).unwrap());
    assert!(Any::Int(i64::MAX)
        .py_lt(&Any::Float(9.223372036854776e18))
        .unwrap());
    assert_eq!(
        msg(Any::Int(3).len()),
        "TypeError(\"object of type 'int' has no len()\")"
    );
    let items: Vec<Any> = Any::from("h😀").py_iter().map(|x| x.unwrap()).collect();
    assert_eq!(r(&Any::tuple(items)), "('h', '😀')");
    assert_eq!(
        msg(Any::Int(1).py_iter().next().unwrap()),
        "TypeError(\"'int' object is not iterable\")"
    );
}

#[test]
fn any_conversions_share_containers() {
    use matx::value::{FromAny, ToAny};
    let typed = List::from_vec(vec![1i64, 2]);
    let a = typed.to_any();
    assert_eq!(r(&a), "[1, 2]");
    let back = List::<i64>::from_any(&a).unwrap();
    assert_eq!(back.to_vec(), vec![1, 2]);
    let dyn_list: List<Any> = List::new();
    let shared = List::<Any>::from_any(&dyn_list.to_any()).unwrap();
    shared.append(Any::Int(5)).unwrap();
    assert_eq!(dyn_list.len(), 1);
    let dd: Dict<Any, Any> = Dict::new();
    let shared = Dict::<Any, Any>::from_any(&dd.to_any()).unwrap();
    assert!(shared.ptr_eq(&dd));
    let typed: Dict<Str, List<i64>> = Dict::from_pairs(vec![(Str::new("k"), l(&[1]))]);
    let back = Dict::<Str, List<i64>>::from_any(&typed.to_any()).unwrap();
    assert_eq!(r(&back), "{'k': [1]}");
    assert_eq!(
        msg(i64::from_any(&Any::from("x"))),
        "TypeError('expected int, got str')"
    );
    assert_eq!(
        <(i64, Str)>::from_any(&(3i64, Str::new("a")).to_any())
            .unwrap()
            .0,
        3
    );
    assert_eq!(Option::<i64>::from_any(&Any::None).unwrap(), None);
    assert_eq!(f64::from_any(&Any::Int(2)).unwrap(), 2.0);
}

#[derive(Clone)]
struct Point(i64);

impl PyValue for Point {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        out.push_str(&format!("Point({})", self.0));
        Ok(())
    }
    fn py_eq(&self, other: &Self) -> Result<bool> {
        Ok(self.0 == other.0)
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(true)
    }
    fn py_type_name(&self) -> &'static str {
        "Point"
    }
}

#[test]
fn objects_in_any() {
    let p = Any::object(Point(3));
    assert_eq!(r(&p), "Point(3)");
    assert_eq!(p.py_type_name(), "Point");
    assert_eq!(p.downcast::<Point>().unwrap().0, 3);
    assert!(p.py_eq(&Any::object(Point(3))).unwrap());
    assert!(!p.py_eq(&Any::Int(3)).unwrap());
    assert_eq!(
        msg(p.py_check_hashable()),
        "TypeError(\"unhashable type: 'Point'\")"
    );
    let s: Set<Any> = Set::new();
    assert!(s.add(p).is_err());
}
