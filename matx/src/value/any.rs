//! `Any`: a dynamically typed value with run-time dispatch (MATXScript's RTValue).

use crate::error::{err, exc, Error};
use crate::value::bytes::{repr_bytes, BytesIter};
use crate::value::dict::DictIter;
use crate::value::list::ListIter;
use crate::value::object::DynObject;
use crate::value::prims::{cmp_int_float, float_repr, hash_float, hash_int};
use crate::value::set::SetIter;
use crate::value::str::StrIter;
use crate::value::traits::{seq_cmp, seq_eq, unhashable, CmpOp, PyIterable, PyOrd, PyValue};
use crate::value::tuple::{hash_tuple, AnyTuple};
use crate::value::{enter_walk, repr_str, Bytes, Dict, List, Set, Str, Walk};
use crate::Result;
use std::cmp::Ordering;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// A dynamically typed script value.
#[derive(Clone, Default)]
pub enum Any {
    #[default]
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Str),
    Bytes(Bytes),
    List(List<Any>),
    Dict(Dict<Any, Any>),
    Set(Set<Any>),
    Tuple(AnyTuple),
    Object(Arc<dyn DynObject>),
}

/// A number held by an `Any`, for arithmetic and comparisons.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Num {
    Int(i64),
    Float(f64),
}

impl Any {
    /// Wraps a value of a compiled class (or any other `PyValue`).
    pub fn object<T: PyValue>(v: T) -> Any {
        Any::Object(Arc::new(v))
    }
    /// The value of a compiled class, if this holds one of type `T`.
    pub fn downcast<T: PyValue>(&self) -> Option<T> {
        match self {
            Any::Object(o) => o.as_any().downcast_ref::<T>().cloned(),
            _ => None,
        }
    }
    /// A tuple from its items.
    pub fn tuple(items: Vec<Any>) -> Any {
        Any::Tuple(AnyTuple::from(items))
    }
    pub fn is_none(&self) -> bool {
        matches!(self, Any::None)
    }
    /// The number, when this is a bool, int or float.
    pub(crate) fn as_num(&self) -> Option<Num> {
        match self {
            Any::Bool(b) => Some(Num::Int(*b as i64)),
            Any::Int(i) => Some(Num::Int(*i)),
            Any::Float(f) => Some(Num::Float(*f)),
            _ => None,
        }
    }

    /// `not x` for a sized value (`TypeError` when it has no `len()`).
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.len()? == 0)
    }

    /// `len(x)`.
    pub fn len(&self) -> Result<i64> {
        Ok(match self {
            Any::Str(s) => s.len() as i64,
            Any::Bytes(b) => b.len() as i64,
            Any::List(l) => l.len() as i64,
            Any::Dict(d) => d.len() as i64,
            Any::Set(s) => s.len() as i64,
            Any::Tuple(t) => t.len() as i64,
            _ => {
                return err(
                    &exc::TypeError,
                    format!("object of type '{}' has no len()", self.py_type_name()),
                )
            }
        })
    }

    fn index_of(&self, idx: &Any, what: &str) -> Result<i64> {
        match idx {
            Any::Int(i) => Ok(*i),
            Any::Bool(b) => Ok(*b as i64),
            _ => err(
                &exc::TypeError,
                format!(
                    "{} indices must be integers or slices, not {}",
                    what,
                    idx.py_type_name()
                ),
            ),
        }
    }

    /// `x[idx]`.
    pub fn get_item(&self, idx: &Any) -> Result<Any> {
        match self {
            Any::List(l) => l.get_item(self.index_of(idx, "list")?),
            Any::Str(s) => Ok(Any::Str(s.get_item(self.index_of(idx, "string")?)?)),
            Any::Bytes(b) => Ok(Any::Int(b.get_item(self.index_of(idx, "byte")?)?)),
            Any::Tuple(t) => {
                let i = self.index_of(idx, "tuple")?;
                match crate::value::slice::norm_index(i, t.len()) {
                    Some(j) => Ok(t[j].clone()),
                    None => err(&exc::IndexError, "tuple index out of range"),
                }
            }
            Any::Dict(d) => d.get_item(idx),
            _ => err(
                &exc::TypeError,
                format!("'{}' object is not subscriptable", self.py_type_name()),
            ),
        }
    }

    /// `x[idx] = v`.
    pub fn set_item(&self, idx: &Any, v: Any) -> Result<()> {
        match self {
            Any::List(l) => l.set_item(self.index_of(idx, "list")?, v),
            Any::Dict(d) => d.set_item(idx.clone(), v),
            _ => err(
                &exc::TypeError,
                format!(
                    "'{}' object does not support item assignment",
                    self.py_type_name()
                ),
            ),
        }
    }

    /// `x[start:stop:step]`.
    pub fn get_slice(
        &self,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
    ) -> Result<Any> {
        match self {
            Any::List(l) => Ok(Any::List(l.get_slice(start, stop, step)?)),
            Any::Str(s) => Ok(Any::Str(s.get_slice(start, stop, step)?)),
            Any::Bytes(b) => Ok(Any::Bytes(b.get_slice(start, stop, step)?)),
            Any::Tuple(t) => {
                let idx = crate::value::slice::slice_indices(t.len(), start, stop, step)?;
                Ok(Any::tuple(idx.positions().map(|p| t[p].clone()).collect()))
            }
            _ => err(
                &exc::TypeError,
                format!("'{}' object is not subscriptable", self.py_type_name()),
            ),
        }
    }

    /// `x in self`.
    pub fn contains(&self, x: &Any) -> Result<bool> {
        match self {
            Any::List(l) => l.contains(x),
            Any::Tuple(t) => {
                for y in t.iter() {
                    if crate::value::item_eq(y, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Any::Dict(d) => {
                x.py_check_hashable()?;
                Ok(d.contains(x))
            }
            Any::Set(s) => {
                x.py_check_hashable()?;
                Ok(s.contains(x))
            }
            Any::Str(s) => match x {
                Any::Str(sub) => Ok(s.contains(sub)),
                _ => err(
                    &exc::TypeError,
                    format!(
                        "'in <string>' requires string as left operand, not {}",
                        x.py_type_name()
                    ),
                ),
            },
            Any::Bytes(b) => match x {
                Any::Bytes(sub) => Ok(b.contains(sub)),
                Any::Int(i) => b.contains_int(*i),
                Any::Bool(v) => b.contains_int(*v as i64),
                _ => err(
                    &exc::TypeError,
                    format!(
                        "a bytes-like object is required, not '{}'",
                        x.py_type_name()
                    ),
                ),
            },
            _ => err(
                &exc::TypeError,
                format!("argument of type '{}' is not iterable", self.py_type_name()),
            ),
        }
    }

    fn cmp_op(&self, other: &Any, op: CmpOp) -> Result<bool> {
        if let (Some(a), Some(b)) = (self.as_num(), other.as_num()) {
            return Ok(match num_cmp(a, b) {
                Some(o) => op.holds(o),
                None => false,
            });
        }
        match (self, other) {
            (Any::Str(a), Any::Str(b)) => Ok(op.holds(a.as_str().cmp(b.as_str()))),
            (Any::Bytes(a), Any::Bytes(b)) => Ok(op.holds(a.as_bytes().cmp(b.as_bytes()))),
            (Any::List(a), Any::List(b)) => {
                let _level = enter_walk(Walk::Compare)?;
                seq_cmp(&a.to_vec(), &b.to_vec(), op)
            }
            (Any::Tuple(a), Any::Tuple(b)) => {
                let _level = enter_walk(Walk::Compare)?;
                seq_cmp(a, b, op)
            }
            (Any::Set(a), Any::Set(b)) => {
                let _level = enter_walk(Walk::Compare)?;
                a.py_cmp(b, op)
            }
            _ => Err(op.unsupported(self.py_type_name(), other.py_type_name())),
        }
    }
}

/// Exact comparison of two numbers (`None` when a nan is involved).
pub(crate) fn num_cmp(a: Num, b: Num) -> Option<Ordering> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(&y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(&y),
        (Num::Int(x), Num::Float(y)) => cmp_int_float(x, y),
        (Num::Float(x), Num::Int(y)) => cmp_int_float(y, x).map(Ordering::reverse),
    }
}

impl PyValue for Any {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        match self {
            Any::None => out.push_str("None"),
            Any::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
            Any::Int(i) => out.push_str(&i.to_string()),
            Any::Float(f) => out.push_str(&float_repr(*f)),
            Any::Str(s) => out.push_str(&repr_str(s.as_str())),
            Any::Bytes(b) => out.push_str(&repr_bytes(b.as_bytes())),
            Any::List(l) => {
                let _level = enter_walk(Walk::Repr)?;
                return l.py_repr(out);
            }
            Any::Dict(d) => {
                let _level = enter_walk(Walk::Repr)?;
                return d.py_repr(out);
            }
            Any::Set(s) => {
                let _level = enter_walk(Walk::Repr)?;
                return s.py_repr(out);
            }
            Any::Tuple(t) => {
                let _level = enter_walk(Walk::Repr)?;
                out.push('(');
                for (k, x) in t.iter().enumerate() {
                    if k > 0 {
                        out.push_str(", ");
                    }
                    x.py_repr(out)?;
                }
                if t.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Any::Object(o) => {
                let _level = enter_walk(Walk::Repr)?;
                return o.dyn_repr(out);
            }
        }
        Ok(())
    }
    fn py_str(&self, out: &mut String) -> Result<()> {
        match self {
            Any::Str(s) => {
                out.push_str(s.as_str());
                Ok(())
            }
            Any::Object(o) => {
                let _level = enter_walk(Walk::Repr)?;
                o.dyn_str(out)
            }
            _ => self.py_repr(out),
        }
    }
    fn py_eq(&self, other: &Self) -> Result<bool> {
        if let (Some(a), Some(b)) = (self.as_num(), other.as_num()) {
            return Ok(num_cmp(a, b) == Some(Ordering::Equal));
        }
        Ok(match (self, other) {
            (Any::None, Any::None) => true,
            (Any::Str(a), Any::Str(b)) => a == b,
            (Any::Bytes(a), Any::Bytes(b)) => a == b,
            (Any::List(a), Any::List(b)) => {
                let _level = enter_walk(Walk::Compare)?;
                return a.py_eq(b);
            }
            (Any::Dict(a), Any::Dict(b)) => {
                let _level = enter_walk(Walk::Compare)?;
                return a.py_eq(b);
            }
            (Any::Set(a), Any::Set(b)) => {
                let _level = enter_walk(Walk::Compare)?;
                return a.py_eq(b);
            }
            (Any::Tuple(a), Any::Tuple(b)) => {
                let _level = enter_walk(Walk::Compare)?;
                return seq_eq(a, b);
            }
            (Any::Object(a), Any::Object(b)) => {
                if Arc::ptr_eq(a, b) {
                    return Ok(true);
                }
                let _level = enter_walk(Walk::Compare)?;
                return a.dyn_eq(b.as_ref());
            }
            _ => false,
        })
    }
    fn py_is(&self, other: &Self) -> bool {
        match (self, other) {
            (Any::Float(a), Any::Float(b)) => a.py_is(b),
            (Any::List(a), Any::List(b)) => a.ptr_eq(b),
            (Any::Dict(a), Any::Dict(b)) => a.ptr_eq(b),
            (Any::Set(a), Any::Set(b)) => a.ptr_eq(b),
            (Any::Tuple(a), Any::Tuple(b)) => a.ptr_eq(b),
            (Any::Object(a), Any::Object(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(match self {
            Any::None => false,
            Any::Bool(b) => *b,
            Any::Int(i) => *i != 0,
            Any::Float(f) => *f != 0.0,
            Any::Str(s) => !s.is_empty(),
            Any::Bytes(b) => !b.is_empty(),
            Any::List(l) => !l.is_empty(),
            Any::Dict(d) => !d.is_empty(),
            Any::Set(s) => !s.is_empty(),
            Any::Tuple(t) => !t.is_empty(),
            Any::Object(o) => return o.dyn_bool(),
        })
    }
    fn py_type_name(&self) -> &'static str {
        match self {
            Any::None => "NoneType",
            Any::Bool(_) => "bool",
            Any::Int(_) => "int",
            Any::Float(_) => "float",
            Any::Str(_) => "str",
            Any::Bytes(_) => "bytes",
            Any::List(_) => "list",
            Any::Dict(_) => "dict",
            Any::Set(_) => "set",
            Any::Tuple(_) => "tuple",
            Any::Object(o) => o.dyn_type_name(),
        }
    }
    fn py_hash(&self) -> Result<i64> {
        match self {
            Any::None => ().py_hash(),
            Any::Bool(b) => Ok(*b as i64),
            Any::Int(i) => Ok(hash_int(*i)),
            Any::Float(f) => Ok(hash_float(*f)),
            Any::Str(s) => s.py_hash(),
            Any::Bytes(b) => b.py_hash(),
            Any::Tuple(t) => {
                let _level = enter_walk(Walk::Other)?;
                hash_tuple(t.iter().map(|x| x.py_hash()))
            }
            Any::List(_) | Any::Dict(_) | Any::Set(_) => Err(unhashable(self.py_type_name())),
            Any::Object(o) => {
                let _level = enter_walk(Walk::Other)?;
                o.dyn_hash()
            }
        }
    }
    fn py_check_hashable(&self) -> Result<()> {
        match self {
            Any::List(_) | Any::Dict(_) | Any::Set(_) => Err(unhashable(self.py_type_name())),
            Any::Tuple(t) => {
                let _level = enter_walk(Walk::Other)?;
                t.iter().try_for_each(|x| x.py_check_hashable())
            }
            Any::Object(o) => {
                let _level = enter_walk(Walk::Other)?;
                o.dyn_hash().map(|_| ())
            }
            _ => Ok(()),
        }
    }
}

impl PyOrd for Any {
    fn py_lt(&self, other: &Self) -> Result<bool> {
        self.cmp_op(other, CmpOp::Lt)
    }
    fn py_le(&self, other: &Self) -> Result<bool> {
        self.cmp_op(other, CmpOp::Le)
    }
    fn py_gt(&self, other: &Self) -> Result<bool> {
        self.cmp_op(other, CmpOp::Gt)
    }
    fn py_ge(&self, other: &Self) -> Result<bool> {
        self.cmp_op(other, CmpOp::Ge)
    }
    fn py_cmp(&self, other: &Self, op: CmpOp) -> Result<bool> {
        self.cmp_op(other, op)
    }
}

/// Python's key equality (`1 == 1.0 == True`; identity first, as CPython's dict lookup); a
/// failing comparison is unequal.
impl PartialEq for Any {
    fn eq(&self, other: &Self) -> bool {
        self.py_is(other) || self.py_eq(other).unwrap_or(false)
    }
}

impl Eq for Any {}

/// Consistent with `Eq`: equal numbers of any kind hash alike.
impl Hash for Any {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self {
            Any::None => state.write_u8(0),
            Any::Bool(b) => state.write_i64(*b as i64),
            Any::Int(i) => state.write_i64(hash_int(*i)),
            Any::Float(f) => state.write_i64(hash_float(*f)),
            Any::Str(s) => {
                state.write_u8(1);
                s.as_str().hash(state);
            }
            Any::Bytes(b) => {
                state.write_u8(2);
                b.as_bytes().hash(state);
            }
            Any::Tuple(t) => {
                state.write_u8(3);
                state.write_usize(t.len());
                for x in t.iter() {
                    x.hash(state);
                }
            }
            Any::List(l) => state.write_usize(l.addr()),
            Any::Dict(d) => state.write_usize(d.addr()),
            Any::Set(s) => state.write_usize(Arc::as_ptr(&s.0) as *const () as usize),
            Any::Object(o) => state.write_i64(o.dyn_hash().unwrap_or(0)),
        }
    }
}

impl std::fmt::Debug for Any {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::new();
        match self.py_repr(&mut s) {
            Ok(()) => f.write_str(&s),
            Err(_) => f.write_str("<Any>"),
        }
    }
}

/// Iterator over an `Any` (`for x in value`); a non-iterable value yields one
/// `TypeError`.
pub enum AnyIter {
    List(ListIter<Any>),
    Str(StrIter),
    Bytes(BytesIter),
    Dict(DictIter<Any, Any>),
    Set(SetIter<Any>),
    Tuple(AnyTuple, usize),
    Error(Option<Error>),
}

impl Iterator for AnyIter {
    type Item = Result<Any>;
    fn next(&mut self) -> Option<Result<Any>> {
        match self {
            AnyIter::List(it) => it.next(),
            AnyIter::Str(it) => it.next().map(|r| r.map(Any::Str)),
            AnyIter::Bytes(it) => it.next().map(|r| r.map(Any::Int)),
            AnyIter::Dict(it) => it.next(),
            AnyIter::Set(it) => it.next(),
            AnyIter::Tuple(t, i) => {
                let x = t.get(*i)?.clone();
                *i += 1;
                Some(Ok(x))
            }
            AnyIter::Error(e) => e.take().map(Err),
        }
    }
}

impl PyIterable for Any {
    type Item = Any;
    type Iter = AnyIter;
    fn py_iter(&self) -> AnyIter {
        match self {
            Any::List(l) => AnyIter::List(l.py_iter()),
            Any::Str(s) => AnyIter::Str(s.py_iter()),
            Any::Bytes(b) => AnyIter::Bytes(b.py_iter()),
            Any::Dict(d) => AnyIter::Dict(d.py_iter()),
            Any::Set(s) => AnyIter::Set(s.py_iter()),
            Any::Tuple(t) => AnyIter::Tuple(t.clone(), 0),
            _ => AnyIter::Error(Some(Error::new(
                &exc::TypeError,
                format!("'{}' object is not iterable", self.py_type_name()),
            ))),
        }
    }
}

macro_rules! any_from {
    ($($t:ty => $v:ident),*) => { $(
        impl From<$t> for Any {
            fn from(x: $t) -> Any {
                Any::$v(x)
            }
        }
    )* };
}

any_from!(bool => Bool, i64 => Int, f64 => Float, Str => Str, Bytes => Bytes,
    List<Any> => List, Dict<Any, Any> => Dict, Set<Any> => Set);

impl From<&str> for Any {
    fn from(s: &str) -> Any {
        Any::Str(Str::new(s))
    }
}

impl From<()> for Any {
    fn from(_: ()) -> Any {
        Any::None
    }
}
