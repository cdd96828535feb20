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
pub fn any_isinstance(x: &Any, ty: &str) -> bool {
    match (x, ty) {
        (Any::None, "NoneType") => true,
        (Any::Bool(_), "bool" | "int") => true,
        (Any::Int(_), "int") => true,
        (Any::Float(_), "float") => true,
        (Any::Str(_), "str") => true,
        (Any::Bytes(_), "bytes") => true,
        (Any::List(_), "list") => true,
        (Any::Dict(_), "dict") => true,
        (Any::Set(_), "set") => true,
        (Any::Tuple(_), "tuple") => true,
        (_, "object") => true,
        _ => false,
    }
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
