//! Python's object protocols over every value type: indexing, slicing, membership, concatenation, comparison, iteration.

use crate::value::{CmpOp, PyIterable, PyLen, Range};
use crate::{exc, Bytes, Dict, Error, List, PyOrd, PyValue, Result, Set, Str};
use std::hash::Hash;

/// `len(x)`.
pub fn len<T: PyLen + ?Sized>(x: &T) -> Result<i64> {
    x.py_len()
}

/// `iter(x)` for a `for` loop.
pub fn iter<T: PyIterable>(x: &T) -> T::Iter {
    x.py_iter()
}

/// `list(x)`: always a new list.
pub fn to_list<T: PyIterable>(x: &T) -> Result<List<T::Item>>
where
    T::Item: Clone,
{
    x.to_list()
}

/// `set(x)`.
pub fn to_set<T: PyIterable>(x: &T) -> Result<Set<T::Item>>
where
    T::Item: Hash + Eq + Clone + PyValue,
{
    let items = x.to_list()?;
    Set::from_vec(items.to_vec())
}

/// `x[i]`.
pub trait GetItem<I> {
    type Out;
    fn get_item_py(&self, i: I) -> Result<Self::Out>;
}
impl<T: Clone> GetItem<i64> for List<T> {
    type Out = T;
    fn get_item_py(&self, i: i64) -> Result<T> {
        self.get_item(i)
    }
}
impl GetItem<i64> for Str {
    type Out = Str;
    fn get_item_py(&self, i: i64) -> Result<Str> {
        self.get_item(i)
    }
}
impl GetItem<i64> for Bytes {
    type Out = i64;
    fn get_item_py(&self, i: i64) -> Result<i64> {
        self.get_item(i)
    }
}
impl GetItem<i64> for Range {
    type Out = i64;
    fn get_item_py(&self, i: i64) -> Result<i64> {
        self.get_item(i)
    }
}
impl<K: Hash + Eq + Clone + PyValue, V: Clone> GetItem<K> for Dict<K, V> {
    type Out = V;
    fn get_item_py(&self, k: K) -> Result<V> {
        self.get_item(&k)
    }
}
pub fn get_item<C: GetItem<I>, I>(c: &C, i: I) -> Result<C::Out> {
    c.get_item_py(i)
}

/// `x[i] = v`.
pub trait SetItem<I, V> {
    fn set_item_py(&self, i: I, v: V) -> Result<()>;
}
impl<T: Clone> SetItem<i64, T> for List<T> {
    fn set_item_py(&self, i: i64, v: T) -> Result<()> {
        self.set_item(i, v)
    }
}
impl<K: Hash + Eq + Clone + PyValue, V: Clone> SetItem<K, V> for Dict<K, V> {
    fn set_item_py(&self, k: K, v: V) -> Result<()> {
        self.set_item(k, v)
    }
}
pub fn set_item<C: SetItem<I, V>, I, V>(c: &C, i: I, v: V) -> Result<()> {
    c.set_item_py(i, v)
}

/// `del x[i]`.
pub trait DelItem<I> {
    fn del_item_py(&self, i: I) -> Result<()>;
}
impl<T: Clone> DelItem<i64> for List<T> {
    fn del_item_py(&self, i: i64) -> Result<()> {
        self.del_item(i)
    }
}
impl<K: Hash + Eq + Clone + PyValue, V: Clone> DelItem<K> for Dict<K, V> {
    fn del_item_py(&self, k: K) -> Result<()> {
        self.del_item(&k)
    }
}
pub fn del_item<C: DelItem<I>, I>(c: &C, i: I) -> Result<()> {
    c.del_item_py(i)
}

/// `x[a:b:c]`.
pub trait Slice: Sized {
    fn slice_py(&self, a: Option<i64>, b: Option<i64>, c: Option<i64>) -> Result<Self>;
}
impl<T: Clone> Slice for List<T> {
    fn slice_py(&self, a: Option<i64>, b: Option<i64>, c: Option<i64>) -> Result<Self> {
        self.get_slice(a, b, c)
    }
}
impl Slice for Str {
    fn slice_py(&self, a: Option<i64>, b: Option<i64>, c: Option<i64>) -> Result<Self> {
        self.get_slice(a, b, c)
    }
}
impl Slice for Bytes {
    fn slice_py(&self, a: Option<i64>, b: Option<i64>, c: Option<i64>) -> Result<Self> {
        self.get_slice(a, b, c)
    }
}
pub fn get_slice<C: Slice>(c: &C, a: Option<i64>, b: Option<i64>, s: Option<i64>) -> Result<C> {
    c.slice_py(a, b, s)
}
pub fn set_slice<T: Clone>(
    c: &List<T>,
    a: Option<i64>,
    b: Option<i64>,
    s: Option<i64>,
    v: List<T>,
) -> Result<()> {
    c.set_slice(a, b, s, v)
}
pub fn del_slice<T: Clone>(
    c: &List<T>,
    a: Option<i64>,
    b: Option<i64>,
    s: Option<i64>,
) -> Result<()> {
    c.del_slice(a, b, s)
}

/// `x in c`.
pub trait Contains<X> {
    fn contains_py(&self, x: X) -> Result<bool>;
}
impl<T: Clone + PyValue> Contains<T> for List<T> {
    fn contains_py(&self, x: T) -> Result<bool> {
        self.contains(&x)
    }
}
impl<T: Hash + Eq + Clone + PyValue> Contains<T> for Set<T> {
    fn contains_py(&self, x: T) -> Result<bool> {
        Ok(self.contains(&x))
    }
}
impl<K: Hash + Eq + Clone + PyValue, V: Clone> Contains<K> for Dict<K, V> {
    fn contains_py(&self, x: K) -> Result<bool> {
        Ok(self.contains(&x))
    }
}
impl Contains<Str> for Str {
    fn contains_py(&self, x: Str) -> Result<bool> {
        Ok(self.as_str().contains(x.as_str()))
    }
}
impl Contains<Bytes> for Bytes {
    fn contains_py(&self, x: Bytes) -> Result<bool> {
        Ok(self.contains(&x))
    }
}
impl Contains<i64> for Range {
    fn contains_py(&self, x: i64) -> Result<bool> {
        Ok(self.contains(x))
    }
}
pub fn contains<C: Contains<X>, X>(c: &C, x: X) -> Result<bool> {
    c.contains_py(x)
}

/// `a + b` on sequences.
pub trait Concat: Sized {
    fn concat_py(&self, b: Self) -> Result<Self>;
    fn repeat_py(&self, n: i64) -> Result<Self>;
}
impl Concat for Str {
    fn concat_py(&self, b: Self) -> Result<Self> {
        self.concat(&b)
    }
    fn repeat_py(&self, n: i64) -> Result<Self> {
        self.repeat(n)
    }
}
impl Concat for Bytes {
    fn concat_py(&self, b: Self) -> Result<Self> {
        self.concat(&b)
    }
    fn repeat_py(&self, n: i64) -> Result<Self> {
        self.repeat(n)
    }
}
impl<T: Clone> Concat for List<T> {
    fn concat_py(&self, b: Self) -> Result<Self> {
        self.concat(&b)
    }
    fn repeat_py(&self, n: i64) -> Result<Self> {
        self.repeat(n)
    }
}
pub fn concat<C: Concat>(a: &C, b: C) -> Result<C> {
    a.concat_py(b)
}
pub fn repeat<C: Concat>(a: &C, n: i64) -> Result<C> {
    a.repeat_py(n)
}

/// Set algebra: `|`, `&`, `-`, `^` and the subset comparisons.
pub fn set_bitor<T: Hash + Eq + Clone + PyValue>(a: &Set<T>, b: Set<T>) -> Result<Set<T>> {
    a.bitor(&b)
}
pub fn set_bitand<T: Hash + Eq + Clone + PyValue>(a: &Set<T>, b: Set<T>) -> Result<Set<T>> {
    a.bitand(&b)
}
pub fn set_sub<T: Hash + Eq + Clone + PyValue>(a: &Set<T>, b: Set<T>) -> Result<Set<T>> {
    a.sub(&b)
}
pub fn set_bitxor<T: Hash + Eq + Clone + PyValue>(a: &Set<T>, b: Set<T>) -> Result<Set<T>> {
    a.bitxor(&b)
}
pub fn set_le<T: Hash + Eq + Clone + PyValue>(a: Set<T>, b: Set<T>) -> Result<bool> {
    a.py_le_set(&b)
}
pub fn set_lt<T: Hash + Eq + Clone + PyValue>(a: Set<T>, b: Set<T>) -> Result<bool> {
    a.py_lt_set(&b)
}
pub fn set_ge<T: Hash + Eq + Clone + PyValue>(a: Set<T>, b: Set<T>) -> Result<bool> {
    b.py_le_set(&a)
}
pub fn set_gt<T: Hash + Eq + Clone + PyValue>(a: Set<T>, b: Set<T>) -> Result<bool> {
    b.py_lt_set(&a)
}
pub fn dict_merge<K: Hash + Eq + Clone + PyValue, V: Clone + PyValue>(
    a: Dict<K, V>,
    b: Dict<K, V>,
) -> Result<Dict<K, V>> {
    a.bitor(&b)
}

/// `a == b` (the left operand by reference: a local is compared in place).
pub fn eq<T: PyValue>(a: &T, b: T) -> Result<bool> {
    a.py_eq(&b)
}
pub fn lt<T: PyOrd>(a: &T, b: T) -> Result<bool> {
    a.py_lt(&b)
}
pub fn le<T: PyOrd>(a: &T, b: T) -> Result<bool> {
    a.py_le(&b)
}
pub fn gt<T: PyOrd>(a: &T, b: T) -> Result<bool> {
    a.py_gt(&b)
}
pub fn ge<T: PyOrd>(a: &T, b: T) -> Result<bool> {
    a.py_ge(&b)
}

/// Exact comparisons between an int and a float (as CPython: no rounding of the int).
pub trait NumPair {
    fn cmp_op(self, op: CmpOp) -> bool;
    fn equal(self) -> bool;
}
impl NumPair for (i64, f64) {
    fn cmp_op(self, op: CmpOp) -> bool {
        crate::ops::cmp_int_float_op(self.0, self.1, op)
    }
    fn equal(self) -> bool {
        crate::ops::eq_int_float(self.0, self.1)
    }
}
impl NumPair for (f64, i64) {
    fn cmp_op(self, op: CmpOp) -> bool {
        crate::ops::cmp_float_int_op(self.0, self.1, op)
    }
    fn equal(self) -> bool {
        crate::ops::eq_int_float(self.1, self.0)
    }
}
macro_rules! num_cmp {
    ($($name:ident => $op:ident),*) => {$(
        pub fn $name<A, B>(a: A, b: B) -> bool where (A, B): NumPair { (a, b).cmp_op(CmpOp::$op) }
    )*};
}
num_cmp!(lt_num => Lt, le_num => Le, gt_num => Gt, ge_num => Ge);
pub fn eq_num<A, B>(a: A, b: B) -> bool
where
    (A, B): NumPair,
{
    (a, b).equal()
}
pub fn ne_num<A, B>(a: A, b: B) -> bool
where
    (A, B): NumPair,
{
    !(a, b).equal()
}

/// `for x in t` over a tuple of one element type.
pub fn tuple_to_list<T: Clone, U: HomTuple<T>>(t: U) -> Result<List<T>> {
    Ok(List::from_vec(t.elems()))
}

impl Slice for Range {
    fn slice_py(&self, a: Option<i64>, b: Option<i64>, c: Option<i64>) -> Result<Self> {
        self.get_slice(a, b, c)
    }
}

impl Contains<i64> for Bytes {
    fn contains_py(&self, x: i64) -> Result<bool> {
        self.contains_int(x)
    }
}

/// `x is None`.
pub trait IsNone {
    fn is_none_py(&self) -> bool;
}
impl<T> IsNone for Option<T> {
    fn is_none_py(&self) -> bool {
        self.is_none()
    }
}
impl IsNone for () {
    fn is_none_py(&self) -> bool {
        true
    }
}
impl IsNone for crate::Any {
    fn is_none_py(&self) -> bool {
        matches!(self, crate::Any::None)
    }
}
pub fn is_none<T: IsNone>(x: T) -> bool {
    x.is_none_py()
}

/// `a is b` on shared handles.
pub trait Identity {
    fn same(&self, other: &Self) -> bool;
}
impl<T: Clone> Identity for List<T> {
    fn same(&self, o: &Self) -> bool {
        self.ptr_eq(o)
    }
}
impl<K: Hash + Eq + Clone, V: Clone> Identity for Dict<K, V> {
    fn same(&self, o: &Self) -> bool {
        self.ptr_eq(o)
    }
}
impl<T: PyValue + Hash + Eq> Identity for Set<T> {
    fn same(&self, o: &Self) -> bool {
        self.ptr_eq(o)
    }
}
pub fn is_same<T: Identity>(a: &T, b: &T) -> bool {
    a.same(b)
}

/// Tuples whose elements share one type, viewed as a slice.
pub trait HomTuple<T> {
    fn elems(&self) -> Vec<T>;
}
macro_rules! hom_tuple {
    ($($n:tt),*) => {
        impl<T: Clone> HomTuple<T> for ($(hom_tuple!(@t $n),)*) {
            fn elems(&self) -> Vec<T> { vec![$(self.$n.clone()),*] }
        }
    };
    (@t $n:tt) => { T };
}
hom_tuple!(0);
hom_tuple!(0, 1);
hom_tuple!(0, 1, 2);
hom_tuple!(0, 1, 2, 3);
hom_tuple!(0, 1, 2, 3, 4);
hom_tuple!(0, 1, 2, 3, 4, 5);
hom_tuple!(0, 1, 2, 3, 4, 5, 6);
hom_tuple!(0, 1, 2, 3, 4, 5, 6, 7);
hom_tuple!(0, 1, 2, 3, 4, 5, 6, 7, 8);
hom_tuple!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
hom_tuple!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
hom_tuple!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);

pub fn tuple_contains<T: PyValue, U: HomTuple<T>>(t: U, x: T) -> Result<bool> {
    for e in t.elems() {
        if crate::value::item_eq(&e, &x)? {
            return Ok(true);
        }
    }
    Ok(false)
}
pub fn tuple_get<T, U: HomTuple<T>>(t: U, i: i64) -> Result<T> {
    let mut v = t.elems();
    let n = v.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(Error::new(&exc::IndexError, "tuple index out of range"));
    }
    Ok(v.swap_remove(j as usize))
}
pub fn tuple_count<T: PyValue, U: HomTuple<T>>(t: U, x: T) -> Result<i64> {
    let mut n = 0;
    for e in t.elems() {
        if crate::value::item_eq(&e, &x)? {
            n += 1;
        }
    }
    Ok(n)
}
pub fn tuple_index<T: PyValue, U: HomTuple<T>>(t: U, x: T) -> Result<i64> {
    for (i, e) in t.elems().into_iter().enumerate() {
        if crate::value::item_eq(&e, &x)? {
            return Ok(i as i64);
        }
    }
    Err(Error::new(
        &exc::ValueError,
        "tuple.index(x): x not in tuple",
    ))
}

/// Values that unpack into names: lists, and `Any` holding any iterable.
pub trait Unpack<T> {
    fn unpack_vec(self) -> Result<Vec<T>>;
}
impl<T: Clone> Unpack<T> for List<T> {
    fn unpack_vec(self) -> Result<Vec<T>> {
        Ok(self.to_vec())
    }
}
impl Unpack<crate::Any> for crate::Any {
    fn unpack_vec(self) -> Result<Vec<crate::Any>> {
        Ok(self.to_list()?.to_vec())
    }
}

/// `a, b = lst`: exactly `n` values.
pub fn unpack<T: Clone, L: Unpack<T>>(l: L, n: usize) -> Result<Vec<T>> {
    let v = l.unpack_vec()?;
    if v.len() < n {
        return Err(Error::new(
            &exc::ValueError,
            format!(
                "not enough values to unpack (expected {n}, got {})",
                v.len()
            ),
        ));
    }
    if v.len() > n {
        return Err(Error::new(
            &exc::ValueError,
            format!("too many values to unpack (expected {n})"),
        ));
    }
    Ok(v)
}

/// `a, *b, c = lst`.
pub fn unpack_star<T: Clone>(
    l: List<T>,
    before: usize,
    after: usize,
) -> Result<(Vec<T>, List<T>, Vec<T>)> {
    let v = l.to_vec();
    if v.len() < before + after {
        return Err(Error::new(
            &exc::ValueError,
            format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                v.len()
            ),
        ));
    }
    let mid_end = v.len() - after;
    Ok((
        v[..before].to_vec(),
        List::from_vec(v[before..mid_end].to_vec()),
        v[mid_end..].to_vec(),
    ))
}
