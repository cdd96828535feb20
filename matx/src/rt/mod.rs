//! Glue the compiler's generated code calls: one uniform, owned-argument, `Result`-returning
//! entry per Python operation, so lowering never depends on each type's native signature.

mod any;
mod any_methods;
mod bind;
mod builtins;
mod lazy;
mod protocol;
mod tuple_n;

pub use any::*;
pub use any_methods::*;
pub use bind::*;
pub use builtins::*;
pub use lazy::*;
pub use protocol::*;
pub use tuple_n::*;

use crate::{exc, Error, PyValue, Result, Str};

/// How a `try` body with a `finally` was left.
pub enum Flow<R> {
    Return(R),
    Break,
    Continue,
    Raise(Error),
}

/// The error of a non-None function whose end was reached (the checker rejects such programs,
/// so this is unreachable in practice).
pub fn fell_off_end() -> Error {
    Error::new(
        &exc::RuntimeError,
        "function ended without returning a value",
    )
}

/// `AttributeError` for a field read before it was assigned.
pub fn no_attribute(class: &str, field: &str) -> Error {
    Error::new(
        &exc::AttributeError,
        format!("'{class}' object has no attribute '{field}'"),
    )
}

/// `E("msg")`: `str(KeyError("k"))` is the key's repr, as in CPython.
pub fn exc_with_str(kind: &'static crate::ExcType, msg: Str) -> Error {
    if kind.is_subclass_of(&exc::KeyError) {
        Error::with_repr_arg(kind, crate::value::repr_str(msg.as_str()))
    } else {
        Error::new(kind, msg.as_str())
    }
}

/// `E(value)` with a non-str argument.
pub fn exc_with_value<T: PyValue>(kind: &'static crate::ExcType, v: &T) -> Result<Error> {
    Ok(Error::with_repr_arg(kind, crate::repr(v)?))
}

/// A narrowed `Optional` read (the checker proved it is not None).
pub fn unwrap<T>(v: Option<T>) -> Result<T> {
    v.ok_or_else(|| {
        Error::new(
            &exc::TypeError,
            "'NoneType' object used where a value was expected",
        )
    })
}

/// `ascii(v)` appended to `out`.
pub fn push_ascii<T: PyValue>(v: &T, out: &mut String) -> Result<()> {
    let r = crate::repr(v)?;
    out.push_str(&crate::fmt::ascii_escape(&r));
    Ok(())
}

/// `print(*parts, sep=sep, end=end)`.
pub fn print(parts: crate::List<Str>, sep: Option<Str>, end: Option<Str>) -> Result<()> {
    let parts: Vec<String> = parts
        .to_vec()
        .iter()
        .map(|s| s.as_str().to_string())
        .collect();
    let sep = sep.as_ref().map_or(" ", |s| s.as_str());
    let end = end.as_ref().map_or("\n", |s| s.as_str());
    crate::builtins::print_values(&parts, sep, end)
}

/// A caught exception is a value (`except E as e: print(e)`).
impl PyValue for Error {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        out.push_str(&self.repr());
        Ok(())
    }
    fn py_str(&self, out: &mut String) -> Result<()> {
        out.push_str(self.message());
        Ok(())
    }
    fn py_eq(&self, _other: &Self) -> Result<bool> {
        Ok(false)
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(true)
    }
    fn py_type_name(&self) -> &'static str {
        self.kind().name
    }
}

/// The empty tuple `()` (Rust's `()` is Python's `None`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tuple0;

impl PyValue for Tuple0 {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        out.push_str("()");
        Ok(())
    }
    fn py_eq(&self, _other: &Self) -> Result<bool> {
        Ok(true)
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(false)
    }
    fn py_type_name(&self) -> &'static str {
        "tuple"
    }
}

impl crate::PyOrd for Tuple0 {
    fn py_lt(&self, _other: &Self) -> Result<bool> {
        Ok(false)
    }
    fn py_le(&self, _other: &Self) -> Result<bool> {
        Ok(true)
    }
}

impl crate::ToAny for Tuple0 {
    fn to_any(&self) -> crate::Any {
        crate::Any::tuple(Vec::new())
    }
}

impl crate::FromAny for Tuple0 {
    fn from_any(a: &crate::Any) -> Result<Tuple0> {
        match a {
            crate::Any::Tuple(t) if t.is_empty() => Ok(Tuple0),
            other => Err(crate::from_any_error("tuple of length 0", other)),
        }
    }
}

thread_local! {
    static DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// CPython's recursion limit (`sys.getrecursionlimit()`): deeper calls raise `RecursionError`
/// instead of overflowing the native stack.
pub const RECURSION_LIMIT: u32 = 1000;

/// Enters a compiled function: `RecursionError` past the limit, or when this thread's stack
/// is nearly used up (a host thread may have far less stack than CPython's main thread).
/// Every successful `enter` is paired with one [`leave`].
#[inline]
pub fn enter() -> Result<()> {
    DEPTH.with(|d| {
        let n = d.get();
        if n >= RECURSION_LIMIT || crate::value::stack_low() {
            return Err(Error::new(
                &exc::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        d.set(n + 1);
        Ok(())
    })
}

/// Leaves a compiled function.
#[inline]
pub fn leave() {
    DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
}

/// The current depth of counted frames (where a recursive function starts counting).
#[inline]
pub fn depth() -> u32 {
    DEPTH.with(|d| d.get())
}

/// Frees `v` (an object's fields, taken out of it) on a fresh stack segment when the stack
/// runs low: a chain of 100,000 objects (`node.next = Node(...)`) is freed without
/// overflowing, as CPython frees it.
#[inline]
pub fn drop_deep<T>(v: T) {
    crate::value::deep(move || drop(v));
}

/// CPython's `RecursionError`.
pub fn recursion_error() -> Error {
    Error::new(&exc::RecursionError, "maximum recursion depth exceeded")
}
