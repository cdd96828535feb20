//! Glue for `Any` values: operators, `isinstance`, indexing, all dispatched at run time.

use crate::{Any, Result};

macro_rules! any_binops {
    ($($name:ident => $op:ident),*) => {$(
        pub fn $name(a: Any, b: Any) -> Result<Any> { crate::ops::$op(&a, &b) }
    )*};
}
any_binops!(
    any_add => add_any, any_sub => sub_any, any_mul => mul_any, any_truediv => truediv_any,
    any_floordiv => floordiv_any, any_mod => mod_any, any_pow => pow_any, any_lshift => lshift_any,
    any_rshift => rshift_any, any_bitand => and_any, any_bitor => or_any, any_bitxor => xor_any
);

pub fn any_neg(a: Any) -> Result<Any> {
    crate::ops::neg_any(&a)
}

/// `isinstance(x, T)` for a builtin type name (`bool` is a subclass of `int`, as in Python).
/// Inlined so that the type name, a literal at every call, is compared at compile time.
#[inline]
pub fn any_isinstance(x: &Any, ty: &str) -> bool {
    matches!(
        (x, ty),
        (Any::None, "NoneType")
            | (Any::Bool(_), "bool" | "int")
            | (Any::Int(_), "int")
            | (Any::Float(_), "float")
            | (Any::Str(_), "str")
            | (Any::Bytes(_), "bytes")
            | (Any::List(_), "list")
            | (Any::Dict(_), "dict")
            | (Any::Set(_), "set")
            | (Any::Tuple(_), "tuple")
            | (_, "object")
    )
}

pub fn any_get_item(x: &Any, i: Any) -> Result<Any> {
    x.get_item(&i)
}

pub fn any_set_item(x: &Any, i: Any, v: Any) -> Result<()> {
    x.set_item(&i, v)
}

pub fn any_contains(x: &Any, v: Any) -> Result<bool> {
    x.contains(&v)
}

impl crate::value::PyLen for Any {
    fn py_len(&self) -> Result<i64> {
        self.len()
    }
}

/// `int(x)` of an `Any`: ints, bools, floats (truncated) and strs, as CPython.
pub fn any_to_int(x: &Any) -> Result<i64> {
    match x {
        Any::Int(i) => Ok(*i),
        Any::Bool(b) => Ok(i64::from(*b)),
        Any::Float(f) => crate::builtins::int_from_float(*f),
        Any::Str(s) => crate::builtins::int_from_str(s, 10),
        other => Err(crate::Error::new(
            &crate::exc::TypeError,
            format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                crate::PyValue::py_type_name(other)
            ),
        )),
    }
}

/// `float(x)` of an `Any`.
pub fn any_to_float(x: &Any) -> Result<f64> {
    match x {
        Any::Int(i) => Ok(*i as f64),
        Any::Bool(b) => Ok(f64::from(u8::from(*b))),
        Any::Float(f) => Ok(*f),
        Any::Str(s) => crate::builtins::float_from_str(s),
        other => Err(crate::Error::new(
            &crate::exc::TypeError,
            format!(
                "float() argument must be a string or a real number, not '{}'",
                crate::PyValue::py_type_name(other)
            ),
        )),
    }
}
