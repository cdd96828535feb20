//! Methods of builtin types called on `Any` values: generated from `builtins.pyi` by the compiler crate.

use crate::{exc, Any, Error, FromAny, Result};

matx_macros::__any_methods!();

/// `AttributeError` for a method the value's type does not have.
pub fn any_no_method(type_name: &str, name: &str) -> Error {
    Error::new(
        &exc::AttributeError,
        format!("'{type_name}' object has no attribute '{name}'"),
    )
}

/// `TypeError` for a wrong number of arguments in a dynamic call.
pub fn any_arity(name: &str, n: usize) -> Error {
    Error::new(
        &exc::TypeError,
        format!("{name}() got an unexpected number of arguments ({n})"),
    )
}

/// A tuple or list `Any` as a vector of typed elements (`str.startswith(("a", "b"))`).
pub fn any_to_vec<T: FromAny>(x: &Any) -> Result<Vec<T>> {
    match x {
        Any::Tuple(items) => items.iter().map(T::from_any).collect(),
        Any::List(l) => l.to_vec().iter().map(T::from_any).collect(),
        other => Err(crate::value::from_any_error("a tuple", other)),
    }
}

/// `x[a:b:c]` on an `Any`.
pub fn any_get_slice(x: &Any, a: Option<i64>, b: Option<i64>, c: Option<i64>) -> Result<Any> {
    x.get_slice(a, b, c)
}

/// The items of any iterable `Any` as a typed list (an `Iterable[T]` argument); a list is
/// shared, not copied, when `T` is `Any`.
pub fn any_iterable_to_list<T: FromAny + Clone>(x: &Any, exact: bool) -> Result<crate::List<T>> {
    if let Any::List(l) = x {
        return if exact {
            T::list_from_any_exact(l)
        } else {
            T::list_from_any(l)
        };
    }
    let mut out = Vec::new();
    for item in crate::PyIterable::py_iter(x) {
        let item = item?;
        out.push(if exact {
            T::from_any_exact(&item)?
        } else {
            T::from_any(&item)?
        });
    }
    Ok(crate::List::from_vec(out))
}
