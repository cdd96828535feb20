//! The traits every script value implements: repr/str, equality, truth, ordering, hashing, iteration, `Any` conversions.

use crate::error::{exc, Error};
use crate::value::List;
use crate::Result;

/// A value a script can hold. Implemented by the runtime for the builtin
/// types and by generated code for user classes.
pub trait PyValue: Clone + Send + Sync + 'static {
    /// Appends `repr(self)` to `out`.
    fn py_repr(&self, out: &mut String) -> Result<()>;
    /// Appends `str(self)` to `out`.
    fn py_str(&self, out: &mut String) -> Result<()> {
        self.py_repr(out)
    }
    /// `self == other` (CPython's rules: nan != nan, 1 == 1.0, containers compare element-wise).
    fn py_eq(&self, other: &Self) -> Result<bool>;
    /// `self is other`, where CPython looks for it before `==` when a container compares or
    /// searches its items (`PyObject_RichCompareBool`: `x in [x]` is true even when `x == x`
    /// is not): the same list, dict, set, tuple or object. A float has no identity here, so a
    /// nan is `is` a nan of the same bits (`n in [n]` is true, as in CPython; so is
    /// `float('nan') in [float('nan')]`, which CPython, comparing two objects, finds false).
    fn py_is(&self, _other: &Self) -> bool {
        false
    }
    /// `self != other`.
    fn py_ne(&self, other: &Self) -> Result<bool> {
        Ok(!self.py_eq(other)?)
    }
    /// `bool(self)`.
    fn py_bool(&self) -> Result<bool>;
    /// The Python type name used in messages (`'int'`, `'list'`, the class name).
    fn py_type_name(&self) -> &'static str;
    /// `hash(self)`: CPython's value for ints, floats, bools, None and tuples
    /// of those; a `TypeError` ("unhashable type: 'list'") for unhashable values.
    fn py_hash(&self) -> Result<i64> {
        Err(unhashable(self.py_type_name()))
    }
    /// Raises `TypeError: unhashable type` when the value cannot be a dict key
    /// or set element. Only dynamic values (`Any`, tuples holding `Any`) can
    /// fail; typed keys are hashable by construction, so the default is `Ok`.
    fn py_check_hashable(&self) -> Result<()> {
        Ok(())
    }
    /// `self.name(*args, **kwargs)` on the value held in an `Any`: a compiled class answers
    /// for its methods (its own and inherited ones, with their defaults); others have none.
    fn py_call_method(
        &self,
        name: &str,
        args: Vec<crate::Any>,
        kwargs: Vec<(crate::Str, crate::Any)>,
    ) -> Result<crate::Any> {
        let _ = (args, kwargs);
        Err(crate::rt::any_no_method(self.py_type_name(), name))
    }
    /// `self.name` read on the value held in an `Any` (a field or a property).
    fn py_getattr(&self, name: &str) -> Result<crate::Any> {
        Err(crate::rt::any_no_method(self.py_type_name(), name))
    }
    /// `self.name = value` on the value held in an `Any`.
    fn py_setattr(&self, name: &str, value: crate::Any) -> Result<()> {
        let _ = value;
        Err(crate::rt::any_no_method(self.py_type_name(), name))
    }
}

/// `TypeError: unhashable type: 'list'`.
pub fn unhashable(type_name: &str) -> Error {
    Error::new(&exc::TypeError, format!("unhashable type: '{type_name}'"))
}

/// A comparison operator, for CPython's `TypeError` messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    /// The operator as Python spells it.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
    /// `TypeError: '<' not supported between instances of 'int' and 'str'`.
    pub fn unsupported(self, left: &str, right: &str) -> Error {
        Error::new(
            &exc::TypeError,
            format!(
                "'{}' not supported between instances of '{}' and '{}'",
                self.symbol(),
                left,
                right
            ),
        )
    }
    /// The result of the operator given a total ordering of two values.
    pub fn holds(self, ord: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CmpOp::Lt => ord == Less,
            CmpOp::Le => ord != Greater,
            CmpOp::Gt => ord == Greater,
            CmpOp::Ge => ord != Less,
        }
    }
}

/// Values with Python's ordering (`<`, `sorted`, `min`).
pub trait PyOrd: PyValue {
    /// `self < other`; a `TypeError` where CPython raises one.
    fn py_lt(&self, other: &Self) -> Result<bool>;
    /// `self <= other`.
    fn py_le(&self, other: &Self) -> Result<bool>;
    /// `self > other`.
    fn py_gt(&self, other: &Self) -> Result<bool> {
        other.py_lt(self)
    }
    /// `self >= other`.
    fn py_ge(&self, other: &Self) -> Result<bool> {
        other.py_le(self)
    }
    /// `self OP other` for any ordering operator.
    fn py_cmp(&self, other: &Self, op: CmpOp) -> Result<bool> {
        match op {
            CmpOp::Lt => self.py_lt(other),
            CmpOp::Le => self.py_le(other),
            CmpOp::Gt => self.py_gt(other),
            CmpOp::Ge => self.py_ge(other),
        }
    }
}

/// Two items of a container compared as CPython's containers do: identity first, then `==`.
#[inline]
pub fn item_eq<T: PyValue>(x: &T, y: &T) -> Result<bool> {
    if x.py_is(y) {
        return Ok(true);
    }
    x.py_eq(y)
}

/// Lexicographic comparison of two sequences as CPython does it for lists and
/// tuples: the first pair of unequal items decides with `op`, else the lengths.
pub fn seq_cmp<T: PyOrd>(a: &[T], b: &[T], op: CmpOp) -> Result<bool> {
    for (x, y) in a.iter().zip(b.iter()) {
        if !item_eq(x, y)? {
            return x.py_cmp(y, op);
        }
    }
    Ok(op.holds(a.len().cmp(&b.len())))
}

/// Element-wise equality of two sequences.
pub fn seq_eq<T: PyValue>(a: &[T], b: &[T]) -> Result<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    for (x, y) in a.iter().zip(b.iter()) {
        if !item_eq(x, y)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `repr(v)` as a String.
pub fn repr<T: PyValue>(v: &T) -> Result<String> {
    let mut s = String::new();
    v.py_repr(&mut s)?;
    Ok(s)
}

/// `str(v)` as a String.
pub fn to_str<T: PyValue>(v: &T) -> Result<String> {
    let mut s = String::new();
    v.py_str(&mut s)?;
    Ok(s)
}

/// Python's iteration protocol: `for x in v`, `list(v)`.
pub trait PyIterable {
    type Item;
    type Iter: Iterator<Item = Result<Self::Item>>;
    /// `iter(self)`.
    fn py_iter(&self) -> Self::Iter;
    /// `list(self)`.
    fn to_list(&self) -> Result<List<Self::Item>>
    where
        Self::Item: Clone,
    {
        let mut v = Vec::new();
        for x in self.py_iter() {
            v.push(x?);
        }
        Ok(List::from_vec(v))
    }
}

/// `len(v)`.
pub trait PyLen {
    fn py_len(&self) -> Result<i64>;
}
