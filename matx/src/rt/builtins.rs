//! Glue for builtin functions taking callables or needing conversions: `sorted(key=)`, `map`, `zip`, `enumerate`, `dict(...)`.

use crate::{exc, Bytes, Dict, Error, List, PyOrd, PyValue, Result};
use std::hash::Hash;
use std::sync::Arc;

/// A compiled callable value (lambda, nested function).
pub type Func<A, R> = Arc<dyn Fn(A) -> Result<R> + Send + Sync>;

pub fn enumerate<T: Clone>(xs: List<T>, start: i64) -> Result<List<(i64, T)>> {
    let v = xs.to_vec();
    let mut out = Vec::with_capacity(v.len());
    for (i, x) in v.into_iter().enumerate() {
        out.push((crate::ops::add_int(start, i as i64)?, x));
    }
    Ok(List::from_vec(out))
}

pub fn zip2<A: Clone, B: Clone>(a: List<A>, b: List<B>) -> Result<List<(A, B)>> {
    Ok(List::from_vec(
        a.to_vec().into_iter().zip(b.to_vec()).collect(),
    ))
}
pub fn zip3<A: Clone, B: Clone, C: Clone>(
    a: List<A>,
    b: List<B>,
    c: List<C>,
) -> Result<List<(A, B, C)>> {
    Ok(List::from_vec(
        a.to_vec()
            .into_iter()
            .zip(b.to_vec())
            .zip(c.to_vec())
            .map(|((a, b), c)| (a, b, c))
            .collect(),
    ))
}
pub fn zip4<A: Clone, B: Clone, C: Clone, D: Clone>(
    a: List<A>,
    b: List<B>,
    c: List<C>,
    d: List<D>,
) -> Result<List<(A, B, C, D)>> {
    Ok(List::from_vec(
        a.to_vec()
            .into_iter()
            .zip(b.to_vec())
            .zip(c.to_vec())
            .zip(d.to_vec())
            .map(|(((a, b), c), d)| (a, b, c, d))
            .collect(),
    ))
}

pub fn sorted<T: PyOrd>(xs: List<T>, reverse: bool) -> Result<List<T>> {
    crate::builtins::sorted(xs, reverse)
}
pub fn sorted_by_key<T: PyValue, K: PyOrd>(
    xs: List<T>,
    key: Func<T, K>,
    reverse: bool,
) -> Result<List<T>> {
    crate::builtins::sorted_by_key(xs, |x: &T| key(x.clone()), reverse)
}
pub fn sort_by_key<T: PyValue, K: PyOrd>(
    xs: List<T>,
    key: Func<T, K>,
    reverse: bool,
) -> Result<()> {
    xs.sort_by_key(|x: &T| key(x.clone()), reverse)
}
pub fn reversed<T: Clone>(xs: List<T>) -> Result<List<T>> {
    Ok(crate::builtins::reversed(xs))
}
pub fn min<T: PyOrd>(xs: List<T>) -> Result<T> {
    crate::builtins::min(xs)
}
pub fn max<T: PyOrd>(xs: List<T>) -> Result<T> {
    crate::builtins::max(xs)
}
pub fn min_by_key<T: PyValue, K: PyOrd>(xs: List<T>, key: Func<T, K>) -> Result<T> {
    crate::builtins::min_by_key(xs, |x: &T| key(x.clone()))
}
pub fn max_by_key<T: PyValue, K: PyOrd>(xs: List<T>, key: Func<T, K>) -> Result<T> {
    crate::builtins::max_by_key(xs, |x: &T| key(x.clone()))
}
pub fn sum_int(xs: List<i64>, start: i64) -> Result<i64> {
    crate::builtins::sum_int(xs, start)
}
pub fn sum_float(xs: List<f64>, start: f64) -> Result<f64> {
    crate::builtins::sum_float(xs, start)
}
pub fn bools_to_ints(xs: List<bool>) -> Result<List<i64>> {
    Ok(List::from_vec(
        xs.to_vec().into_iter().map(i64::from).collect(),
    ))
}
pub fn ints_to_floats(xs: List<i64>) -> Result<List<f64>> {
    Ok(List::from_vec(
        xs.to_vec().into_iter().map(|i| i as f64).collect(),
    ))
}
pub fn any<T: PyValue>(xs: List<T>) -> Result<bool> {
    crate::builtins::any(xs)
}
pub fn all<T: PyValue>(xs: List<T>) -> Result<bool> {
    crate::builtins::all(xs)
}
/// `any(f(x) for x in xs)`, stopping at the first true value like CPython.
pub fn any_fn<T: Clone>(xs: List<T>, f: Func<T, bool>) -> Result<bool> {
    let mut i = 0;
    while let Some(x) = xs.get_opt(i) {
        if f(x)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}
pub fn all_fn<T: Clone>(xs: List<T>, f: Func<T, bool>) -> Result<bool> {
    let mut i = 0;
    while let Some(x) = xs.get_opt(i) {
        if !f(x)? {
            return Ok(false);
        }
        i += 1;
    }
    Ok(true)
}
pub fn map<T: Clone, R>(xs: List<T>, f: Func<T, R>) -> Result<List<R>>
where
    R: Clone,
{
    let mut out = Vec::with_capacity(xs.len());
    for x in xs.to_vec() {
        out.push(f(x)?);
    }
    Ok(List::from_vec(out))
}
pub fn filter<T: Clone>(xs: List<T>, f: Func<T, bool>) -> Result<List<T>> {
    let mut out = Vec::new();
    for x in xs.to_vec() {
        if f(x.clone())? {
            out.push(x);
        }
    }
    Ok(List::from_vec(out))
}
pub fn filter_by_truth<T: Clone, R: PyValue>(xs: List<T>, f: Func<T, R>) -> Result<List<T>> {
    let mut out = Vec::new();
    for x in xs.to_vec() {
        if f(x.clone())?.py_bool()? {
            out.push(x);
        }
    }
    Ok(List::from_vec(out))
}
pub fn filter_truthy<T: PyValue>(xs: List<T>) -> Result<List<T>> {
    let mut out = Vec::new();
    for x in xs.to_vec() {
        if x.py_bool()? {
            out.push(x);
        }
    }
    Ok(List::from_vec(out))
}
pub fn dict_from_pairs<K: Hash + Eq + Clone + PyValue, V: Clone>(
    xs: List<(K, V)>,
) -> Result<Dict<K, V>> {
    Ok(Dict::from_pairs(xs.to_vec()))
}
pub fn dict_fromkeys<K: Hash + Eq + Clone + PyValue, V: Clone>(
    keys: List<K>,
    v: V,
) -> Result<Dict<K, V>> {
    Ok(Dict::from_pairs(
        keys.to_vec().into_iter().map(|k| (k, v.clone())).collect(),
    ))
}
pub fn bytes_zeros(n: i64) -> Result<Bytes> {
    if n < 0 {
        return Err(Error::new(&exc::ValueError, "negative count"));
    }
    Ok(Bytes::from(vec![0u8; n as usize]))
}
pub fn bytes_from_list(xs: List<i64>) -> Result<Bytes> {
    let mut out = Vec::with_capacity(xs.len());
    for x in xs.to_vec() {
        if !(0..256).contains(&x) {
            return Err(Error::new(
                &exc::ValueError,
                "bytes must be in range(0, 256)",
            ));
        }
        out.push(x as u8);
    }
    Ok(Bytes::from(out))
}

pub fn zip1<A: Clone>(a: List<A>) -> Result<List<(A,)>> {
    Ok(List::from_vec(
        a.to_vec().into_iter().map(|x| (x,)).collect(),
    ))
}

/// `iter(x)`: a shared iterator (`next(it)` in one place advances it everywhere).
pub struct PyIter<T>(Arc<parking_lot::Mutex<Box<dyn Iterator<Item = Result<T>> + Send>>>);

impl<T> Clone for PyIter<T> {
    fn clone(&self) -> Self {
        PyIter(Arc::clone(&self.0))
    }
}

impl<T> PyIter<T> {
    /// An iterator over the items `it` yields, one `next` at a time.
    pub fn new(it: impl Iterator<Item = Result<T>> + Send + 'static) -> Self {
        PyIter(Arc::new(parking_lot::Mutex::new(Box::new(it))))
    }
}

pub fn make_iter<X: crate::value::PyIterable>(x: &X) -> Result<PyIter<X::Item>>
where
    X::Iter: Send + 'static,
{
    Ok(PyIter(Arc::new(parking_lot::Mutex::new(Box::new(
        x.py_iter(),
    )))))
}

/// `next(it)`: `StopIteration` when exhausted.
pub fn next<T>(it: &PyIter<T>) -> Result<T> {
    let item = it.0.lock().next();
    match item {
        Some(r) => r,
        None => Err(Error::bare(&exc::StopIteration)),
    }
}

/// `next(it, default)`.
pub fn next_or<T>(it: &PyIter<T>, default: T) -> Result<T> {
    let item = it.0.lock().next();
    match item {
        Some(r) => r,
        None => Ok(default),
    }
}

/// Iterating an iterator pulls from the shared state.
pub struct PyIterPull<T>(PyIter<T>);

impl<T> Iterator for PyIterPull<T> {
    type Item = Result<T>;
    fn next(&mut self) -> Option<Result<T>> {
        let item = (self.0).0.lock().next();
        item
    }
}

impl<T: Clone> crate::value::PyIterable for PyIter<T> {
    type Item = T;
    type Iter = PyIterPull<T>;
    fn py_iter(&self) -> PyIterPull<T> {
        PyIterPull(self.clone())
    }
}

impl<T: Send + Sync + 'static> PyValue for PyIter<T> {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        out.push_str("<iterator object>");
        Ok(())
    }
    fn py_eq(&self, other: &Self) -> Result<bool> {
        Ok(Arc::ptr_eq(&self.0, &other.0))
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(true)
    }
    fn py_type_name(&self) -> &'static str {
        "iterator"
    }
}

/// `next(it, None)`.
pub fn next_opt<T>(it: &PyIter<T>) -> Result<Option<T>> {
    let item = it.0.lock().next();
    item.transpose()
}

/// `map(f, a, b)`: stops at the shorter input, as CPython.
pub fn map2<A: Clone, B: Clone, R: Clone>(
    a: List<A>,
    b: List<B>,
    f: Arc<dyn Fn(A, B) -> Result<R> + Send + Sync>,
) -> Result<List<R>> {
    let mut out = Vec::new();
    for (x, y) in a.to_vec().into_iter().zip(b.to_vec()) {
        out.push(f(x, y)?);
    }
    Ok(List::from_vec(out))
}

/// A dict built from pairs whose keys are checked for hashability first (`Any` keys may
/// hold lists, which CPython rejects with `TypeError: unhashable type`).
pub fn dict_from_pairs_checked<K: Hash + Eq + Clone + PyValue, V: Clone>(
    pairs: Vec<(K, V)>,
) -> Result<Dict<K, V>> {
    for (k, _) in &pairs {
        k.py_check_hashable()?;
    }
    Ok(Dict::from_pairs(pairs))
}

/// `str.maketrans(x, y[, z])`: code point to code point (or None for the characters of `z`).
pub fn maketrans(
    x: crate::Str,
    y: crate::Str,
    z: Option<crate::Str>,
) -> Result<Dict<i64, Option<i64>>> {
    let (xs, ys): (Vec<char>, Vec<char>) =
        (x.as_str().chars().collect(), y.as_str().chars().collect());
    if xs.len() != ys.len() {
        return Err(Error::new(
            &exc::ValueError,
            "the first two maketrans arguments must have equal length",
        ));
    }
    let mut pairs: Vec<(i64, Option<i64>)> = xs
        .iter()
        .zip(&ys)
        .map(|(a, b)| (i64::from(u32::from(*a)), Some(i64::from(u32::from(*b)))))
        .collect();
    if let Some(z) = z {
        pairs.extend(z.as_str().chars().map(|c| (i64::from(u32::from(c)), None)));
    }
    Ok(Dict::from_pairs(pairs))
}

/// `template.format_map(mapping)`.
pub fn format_map<V: crate::ToAny + Clone>(
    template: &crate::Str,
    d: Dict<crate::Str, V>,
) -> Result<crate::Str> {
    let pairs: Vec<(crate::Str, crate::Any)> = d
        .to_pairs()
        .into_iter()
        .map(|(k, v)| (k, v.to_any()))
        .collect();
    let kwargs: Vec<(&str, &dyn crate::fmt::FormatArg)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v as &dyn crate::fmt::FormatArg))
        .collect();
    crate::fmt::str_format(template.as_str(), &[], &kwargs)
}

/// A value of a `str.translate` table: a replacement string, a code point, or None (delete).
pub trait TransValue: Clone {
    fn to_replacement(&self) -> Result<Option<Option<crate::Str>>>;
}
impl TransValue for crate::Str {
    fn to_replacement(&self) -> Result<Option<Option<crate::Str>>> {
        Ok(Some(Some(self.clone())))
    }
}
impl TransValue for i64 {
    fn to_replacement(&self) -> Result<Option<Option<crate::Str>>> {
        match u32::try_from(*self).ok().and_then(char::from_u32) {
            Some(c) => Ok(Some(Some(crate::Str::from_char(c)))),
            None => Err(Error::new(
                &exc::ValueError,
                "character mapping must be in range(0x110000)",
            )),
        }
    }
}
impl<T: TransValue> TransValue for Option<T> {
    fn to_replacement(&self) -> Result<Option<Option<crate::Str>>> {
        match self {
            None => Ok(Some(None)),
            Some(v) => v.to_replacement(),
        }
    }
}

/// `s.translate(table)` for any table of strings, code points and None.
pub fn translate<V: TransValue>(s: &crate::Str, table: Dict<i64, V>) -> Result<crate::Str> {
    let mut map = Vec::new();
    for (k, v) in table.to_pairs() {
        if let Some(r) = v.to_replacement()? {
            map.push((k, r));
        }
    }
    s.translate(Dict::from_pairs(map))
}
