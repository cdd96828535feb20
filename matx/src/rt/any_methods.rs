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

/// `xs.sort(key=..., reverse=...)` on an `Any` list: the key, if any, is a callable `Any`.
pub fn any_list_sort(
    xs: &crate::List<Any>,
    args: Vec<Any>,
    kwargs: Vec<(crate::Str, Any)>,
) -> Result<Any> {
    if !args.is_empty() {
        return Err(Error::new(
            &exc::TypeError,
            "sort() takes no positional arguments",
        ));
    }
    let (mut key, mut reverse) = (Any::None, false);
    for (k, v) in kwargs {
        match k.as_str() {
            "key" => key = v,
            "reverse" => reverse = crate::PyValue::py_bool(&v)?,
            other => {
                return Err(Error::new(
                    &exc::TypeError,
                    format!("sort() got an unexpected keyword argument '{other}'"),
                ))
            }
        }
    }
    match key {
        Any::None => xs.sort(reverse)?,
        f => xs.sort_by_key(|x: &Any| any_call(&f, vec![x.clone()], vec![]), reverse)?,
    }
    Ok(Any::None)
}

/// `f(*args, **kwargs)` of an `Any`: a compiled object's `__call__`, or a function made `Any`.
pub fn any_call(f: &Any, args: Vec<Any>, kwargs: Vec<(crate::Str, Any)>) -> Result<Any> {
    match f {
        Any::Object(o) => o.dyn_call_method("__call__", args, kwargs),
        other => Err(Error::new(
            &exc::TypeError,
            format!(
                "'{}' object is not callable",
                crate::PyValue::py_type_name(other)
            ),
        )),
    }
}

/// `x.name` of an `Any`: a field or property of a compiled object.
pub fn any_getattr(x: &Any, name: crate::Str) -> Result<Any> {
    match x {
        Any::Object(o) => o.dyn_getattr(name.as_str()),
        other => Err(any_no_method(
            crate::PyValue::py_type_name(other),
            name.as_str(),
        )),
    }
}

/// `x.name = value` on an `Any`.
pub fn any_setattr(x: &Any, name: crate::Str, value: Any) -> Result<()> {
    match x {
        Any::Object(o) => o.dyn_setattr(name.as_str(), value),
        other => Err(any_no_method(
            crate::PyValue::py_type_name(other),
            name.as_str(),
        )),
    }
}

/// A script function or lambda held in an `Any`: called with `Any` arguments it converts to
/// its parameter types (`TypeError` on another type, or another count).
#[derive(Clone)]
pub struct AnyFunc {
    arity: usize,
    f: std::sync::Arc<dyn Fn(Vec<Any>) -> Result<Any> + Send + Sync>,
}

impl AnyFunc {
    pub fn value(arity: usize, f: impl Fn(Vec<Any>) -> Result<Any> + Send + Sync + 'static) -> Any {
        Any::object(AnyFunc {
            arity,
            f: std::sync::Arc::new(f),
        })
    }
}

impl crate::PyValue for AnyFunc {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        out.push_str("<function <lambda>>");
        Ok(())
    }
    fn py_eq(&self, other: &Self) -> Result<bool> {
        Ok(std::sync::Arc::ptr_eq(&self.f, &other.f))
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(true)
    }
    fn py_type_name(&self) -> &'static str {
        "function"
    }
    fn py_call_method(
        &self,
        name: &str,
        args: Vec<Any>,
        kwargs: Vec<(crate::Str, Any)>,
    ) -> Result<Any> {
        if name != "__call__" {
            return Err(any_no_method("function", name));
        }
        if !kwargs.is_empty() {
            return Err(Error::new(
                &exc::TypeError,
                "<lambda>() got an unexpected keyword argument",
            ));
        }
        if args.len() != self.arity {
            return Err(Error::new(
                &exc::TypeError,
                format!(
                    "<lambda>() takes {} positional argument{} but {} {} given",
                    self.arity,
                    if self.arity == 1 { "" } else { "s" },
                    args.len(),
                    if args.len() == 1 { "was" } else { "were" }
                ),
            ));
        }
        (self.f)(args)
    }
}
