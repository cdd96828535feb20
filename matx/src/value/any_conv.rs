//! Conversions between typed values and `Any`: `ToAny` and `FromAny` (`TypeError` on a mismatch). `List[Any]`, `Dict[Any, Any]` and `Set[Any]` convert by sharing, not copying.

use crate::error::{exc, Error};
use crate::value::traits::PyValue;
use crate::value::{Any, Bytes, Dict, List, Set, Str};
use crate::Result;
use std::hash::Hash;

/// The TypeError raised by a failed `FromAny` conversion.
pub fn from_any_error(expected: &str, got: &Any) -> Error {
    Error::new(
        &exc::TypeError,
        format!("expected {expected}, got {}", got.py_type_name()),
    )
}

/// Conversion of a typed value into the dynamic `Any`.
pub trait ToAny {
    fn to_any(&self) -> Any;
    /// Converts a list of `Self`; `List<Any>` is shared, not copied.
    #[doc(hidden)]
    fn list_to_any(l: &List<Self>) -> Any
    where
        Self: Sized + Clone,
    {
        Any::List(List::from_vec(
            l.to_vec().iter().map(ToAny::to_any).collect(),
        ))
    }
    /// Converts a set of `Self`; `Set<Any>` is shared.
    #[doc(hidden)]
    fn set_to_any(s: &Set<Self>) -> Any
    where
        Self: Sized + Clone + Hash + Eq + PyValue,
    {
        match Set::from_vec(s.to_vec().iter().map(ToAny::to_any).collect()) {
            Ok(set) => Any::Set(set),
            Err(_) => Any::Set(Set::new()),
        }
    }
    /// Converts a dict with keys `Self`; `Dict<Any, Any>` is shared.
    #[doc(hidden)]
    fn dict_to_any<V: ToAny + Clone>(d: &Dict<Self, V>) -> Any
    where
        Self: Sized + Clone + Hash + Eq,
    {
        let pairs = d
            .to_pairs()
            .iter()
            .map(|(k, v)| (k.to_any(), v.to_any()))
            .collect();
        Any::Dict(Dict::from_pairs(pairs))
    }
    /// Converts a dict with `Any` keys and values `Self`.
    #[doc(hidden)]
    fn dict_values_to_any(d: &Dict<Any, Self>) -> Any
    where
        Self: Sized + Clone,
    {
        let pairs = d
            .to_pairs()
            .into_iter()
            .map(|(k, v)| (k, v.to_any()))
            .collect();
        Any::Dict(Dict::from_pairs(pairs))
    }
}

/// Conversion of a dynamic `Any` into a typed value (`TypeError` when the
/// value has another type).
///
/// Two strengths: [`from_any`](FromAny::from_any) converts as CPython does where a value is
/// consumed (an int or a bool where a float is read, a bool where an int is: `math.sqrt(2)`,
/// an op's argument); [`from_any_exact`](FromAny::from_any_exact) takes only the exact type,
/// as a compiled script needs where a value is kept (a variable, a parameter, a field, an
/// element: CPython would keep the int, which prints differently from a float).
pub trait FromAny: Sized {
    fn from_any(a: &Any) -> Result<Self>;
    /// Only a value of exactly this type (no numeric widening, also inside containers).
    fn from_any_exact(a: &Any) -> Result<Self> {
        Self::from_any(a)
    }
    /// Exact conversion of a `List<Any>`; for `Self = Any` the list is shared.
    #[doc(hidden)]
    fn list_from_any_exact(l: &List<Any>) -> Result<List<Self>>
    where
        Self: Clone,
    {
        let v = l.to_vec();
        let mut out = Vec::with_capacity(v.len());
        for x in &v {
            out.push(Self::from_any_exact(x)?);
        }
        Ok(List::from_vec(out))
    }
    /// Exact conversion of a `Set<Any>`; for `Self = Any` the set is shared.
    #[doc(hidden)]
    fn set_from_any_exact(s: &Set<Any>) -> Result<Set<Self>>
    where
        Self: PyValue + Hash + Eq,
    {
        let mut out = Vec::new();
        for x in s.to_vec() {
            out.push(Self::from_any_exact(&x)?);
        }
        Set::from_vec(out)
    }
    /// Exact conversion of a `Dict<Any, Any>` to keys `Self`.
    #[doc(hidden)]
    fn dict_from_any_exact<V: FromAny + Clone>(d: &Dict<Any, Any>) -> Result<Dict<Self, V>>
    where
        Self: Clone + Hash + Eq,
    {
        let mut out = Vec::new();
        for (k, v) in d.to_pairs() {
            out.push((Self::from_any_exact(&k)?, V::from_any_exact(&v)?));
        }
        Ok(Dict::from_pairs(out))
    }
    /// Exact conversion of the values of a `Dict<Any, Any>`; for `Self = Any` the dict is shared.
    #[doc(hidden)]
    fn dict_values_from_any_exact(d: &Dict<Any, Any>) -> Result<Dict<Any, Self>>
    where
        Self: Clone,
    {
        let mut out = Vec::new();
        for (k, v) in d.to_pairs() {
            out.push((k, Self::from_any_exact(&v)?));
        }
        Ok(Dict::from_pairs(out))
    }
    /// Converts a `List<Any>`; for `Self = Any` the list is shared.
    #[doc(hidden)]
    fn list_from_any(l: &List<Any>) -> Result<List<Self>>
    where
        Self: Clone,
    {
        let v = l.to_vec();
        let mut out = Vec::with_capacity(v.len());
        for x in &v {
            out.push(Self::from_any(x)?);
        }
        Ok(List::from_vec(out))
    }
    /// Converts a `Set<Any>`; for `Self = Any` the set is shared.
    #[doc(hidden)]
    fn set_from_any(s: &Set<Any>) -> Result<Set<Self>>
    where
        Self: PyValue + Hash + Eq,
    {
        let mut out = Vec::new();
        for x in s.to_vec() {
            out.push(Self::from_any(&x)?);
        }
        Set::from_vec(out)
    }
    /// Converts a `Dict<Any, Any>` to keys `Self`; for `Self = Any` defers to the values.
    #[doc(hidden)]
    fn dict_from_any<V: FromAny + Clone>(d: &Dict<Any, Any>) -> Result<Dict<Self, V>>
    where
        Self: Clone + Hash + Eq,
    {
        let mut out = Vec::new();
        for (k, v) in d.to_pairs() {
            out.push((Self::from_any(&k)?, V::from_any(&v)?));
        }
        Ok(Dict::from_pairs(out))
    }
    /// Converts the values of a `Dict<Any, Any>`; for `Self = Any` the dict is shared.
    #[doc(hidden)]
    fn dict_values_from_any(d: &Dict<Any, Any>) -> Result<Dict<Any, Self>>
    where
        Self: Clone,
    {
        let mut out = Vec::new();
        for (k, v) in d.to_pairs() {
            out.push((k, Self::from_any(&v)?));
        }
        Ok(Dict::from_pairs(out))
    }
}

impl ToAny for Any {
    fn to_any(&self) -> Any {
        self.clone()
    }
    fn list_to_any(l: &List<Any>) -> Any {
        Any::List(l.clone())
    }
    fn set_to_any(s: &Set<Any>) -> Any {
        Any::Set(s.clone())
    }
    fn dict_to_any<V: ToAny + Clone>(d: &Dict<Any, V>) -> Any {
        V::dict_values_to_any(d)
    }
    fn dict_values_to_any(d: &Dict<Any, Any>) -> Any {
        Any::Dict(d.clone())
    }
}

impl FromAny for Any {
    fn from_any(a: &Any) -> Result<Any> {
        Ok(a.clone())
    }
    fn list_from_any(l: &List<Any>) -> Result<List<Any>> {
        Ok(l.clone())
    }
    fn set_from_any(s: &Set<Any>) -> Result<Set<Any>> {
        Ok(s.clone())
    }
    fn dict_from_any<V: FromAny + Clone>(d: &Dict<Any, Any>) -> Result<Dict<Any, V>> {
        V::dict_values_from_any(d)
    }
    fn dict_values_from_any(d: &Dict<Any, Any>) -> Result<Dict<Any, Any>> {
        Ok(d.clone())
    }
    fn list_from_any_exact(l: &List<Any>) -> Result<List<Any>> {
        Ok(l.clone())
    }
    fn set_from_any_exact(s: &Set<Any>) -> Result<Set<Any>> {
        Ok(s.clone())
    }
    fn dict_from_any_exact<V: FromAny + Clone>(d: &Dict<Any, Any>) -> Result<Dict<Any, V>> {
        V::dict_values_from_any_exact(d)
    }
    fn dict_values_from_any_exact(d: &Dict<Any, Any>) -> Result<Dict<Any, Any>> {
        Ok(d.clone())
    }
}

macro_rules! scalar_conv {
    ($($t:ty => $v:ident, $name:literal);*) => { $(
        impl ToAny for $t {
            fn to_any(&self) -> Any {
                Any::$v(self.clone())
            }
        }
    )* };
}

scalar_conv!(bool => Bool, "bool"; i64 => Int, "int"; f64 => Float, "float"; Str => Str, "str"; Bytes => Bytes, "bytes");

impl ToAny for () {
    fn to_any(&self) -> Any {
        Any::None
    }
}

impl FromAny for () {
    fn from_any(a: &Any) -> Result<()> {
        match a {
            Any::None => Ok(()),
            _ => Err(from_any_error("None", a)),
        }
    }
}

impl FromAny for bool {
    fn from_any(a: &Any) -> Result<bool> {
        match a {
            Any::Bool(b) => Ok(*b),
            _ => Err(from_any_error("bool", a)),
        }
    }
}

/// `bool` is a subclass of `int`, so `True` converts to `1` (kept exactly, it stays a bool).
impl FromAny for i64 {
    fn from_any(a: &Any) -> Result<i64> {
        match a {
            Any::Int(i) => Ok(*i),
            Any::Bool(b) => Ok(*b as i64),
            _ => Err(from_any_error("int", a)),
        }
    }
    fn from_any_exact(a: &Any) -> Result<i64> {
        match a {
            Any::Int(i) => Ok(*i),
            _ => Err(from_any_error("int", a)),
        }
    }
}

/// An int converts to a float where it is consumed (PEP 484's numeric tower), not where it
/// is kept.
impl FromAny for f64 {
    fn from_any(a: &Any) -> Result<f64> {
        match a {
            Any::Float(f) => Ok(*f),
            Any::Int(i) => Ok(*i as f64),
            Any::Bool(b) => Ok(*b as i64 as f64),
            _ => Err(from_any_error("float", a)),
        }
    }
    fn from_any_exact(a: &Any) -> Result<f64> {
        match a {
            Any::Float(f) => Ok(*f),
            _ => Err(from_any_error("float", a)),
        }
    }
}

impl FromAny for Str {
    fn from_any(a: &Any) -> Result<Str> {
        match a {
            Any::Str(s) => Ok(s.clone()),
            _ => Err(from_any_error("str", a)),
        }
    }
}

impl FromAny for Bytes {
    fn from_any(a: &Any) -> Result<Bytes> {
        match a {
            Any::Bytes(b) => Ok(b.clone()),
            _ => Err(from_any_error("bytes", a)),
        }
    }
}

impl<T: ToAny> ToAny for Option<T> {
    fn to_any(&self) -> Any {
        match self {
            None => Any::None,
            Some(v) => v.to_any(),
        }
    }
}

impl<T: FromAny> FromAny for Option<T> {
    fn from_any(a: &Any) -> Result<Option<T>> {
        match a {
            Any::None => Ok(None),
            _ => Ok(Some(T::from_any(a)?)),
        }
    }
    fn from_any_exact(a: &Any) -> Result<Option<T>> {
        match a {
            Any::None => Ok(None),
            _ => Ok(Some(T::from_any_exact(a)?)),
        }
    }
}

impl<T: ToAny + Clone> ToAny for List<T> {
    fn to_any(&self) -> Any {
        T::list_to_any(self)
    }
}

impl<T: FromAny + Clone> FromAny for List<T> {
    fn from_any(a: &Any) -> Result<List<T>> {
        match a {
            Any::List(l) => T::list_from_any(l),
            _ => Err(from_any_error("list", a)),
        }
    }
    fn from_any_exact(a: &Any) -> Result<List<T>> {
        match a {
            Any::List(l) => T::list_from_any_exact(l),
            _ => Err(from_any_error("list", a)),
        }
    }
}

impl<T: ToAny + PyValue + Hash + Eq> ToAny for Set<T> {
    fn to_any(&self) -> Any {
        T::set_to_any(self)
    }
}

impl<T: FromAny + PyValue + Hash + Eq> FromAny for Set<T> {
    fn from_any(a: &Any) -> Result<Set<T>> {
        match a {
            Any::Set(s) => T::set_from_any(s),
            _ => Err(from_any_error("set", a)),
        }
    }
    fn from_any_exact(a: &Any) -> Result<Set<T>> {
        match a {
            Any::Set(s) => T::set_from_any_exact(s),
            _ => Err(from_any_error("set", a)),
        }
    }
}

impl<K: ToAny + Clone + Hash + Eq, V: ToAny + Clone> ToAny for Dict<K, V> {
    fn to_any(&self) -> Any {
        K::dict_to_any(self)
    }
}

impl<K: FromAny + Clone + Hash + Eq, V: FromAny + Clone> FromAny for Dict<K, V> {
    fn from_any(a: &Any) -> Result<Dict<K, V>> {
        match a {
            Any::Dict(d) => K::dict_from_any::<V>(d),
            _ => Err(from_any_error("dict", a)),
        }
    }
    fn from_any_exact(a: &Any) -> Result<Dict<K, V>> {
        match a {
            Any::Dict(d) => K::dict_from_any_exact::<V>(d),
            _ => Err(from_any_error("dict", a)),
        }
    }
}
