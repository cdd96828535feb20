//! Exact conversions between Python objects and the runtime's values, both ways: the API generated bindings call.
//!
//! * Python → Rust: [`FromPyValue`], entered through [`extract_arg`], which names the
//!   parameter in every error (`TypeError: argument 'words': expected List[str], got int`).
//! * Rust → Python: [`IntoPyValue`], entered through [`into_py`]; it produces real
//!   `list`/`dict`/`set`/`tuple`/`str`/`bytes`/`int`/`float`/`bool`/`None` objects.
//!
//! Both directions keep aliasing (a list that appears twice converts to one shared list)
//! and survive cycles (`a = []; a.append(a)`), because containers are memoized by identity
//! while one top-level value converts. Nesting deeper than [`MAX_DEPTH`] raises
//! `RecursionError` instead of overflowing the stack.

mod any;
mod containers;
mod ints;
mod objects;
mod ops;
mod scalars;
mod tuples;

pub use objects::{class_from_py, register_class, PyClassValue};
pub use ops::{append_stub, PyOpClass};

use pyo3::exceptions::{PyOverflowError, PyRecursionError, PyTypeError};
use pyo3::prelude::*;
use std::any::TypeId;
use std::collections::HashMap;

/// How deeply containers may nest in one conversion.
pub const MAX_DEPTH: u32 = 1000;

/// Conversion of a Python object into a runtime value of this type.
///
/// Implemented for `i64`, `f64`, `bool`, `()`, [`matx::Str`], [`matx::Bytes`],
/// [`matx::List`], [`matx::Dict`], [`matx::Set`], fixed tuples up to 8 items,
/// [`matx::rt::TupleN`], `Option<T>` and [`matx::Any`].
pub trait FromPyValue: Sized + 'static {
    /// Appends the type as a script spells it (`List[str]`), for error messages.
    fn type_name(out: &mut String);
    /// Converts `ob`; the error says where inside `ob` conversion failed.
    fn from_py(ob: &Bound<'_, PyAny>, cx: &mut FromCx) -> Result<Self, ConvError>;
}

/// Conversion of a runtime value into a new Python object.
pub trait IntoPyValue {
    /// True when a value of this type holds no container (scalars, `str`, `bytes`): converting
    /// it runs no user code and can never reach back to a container being converted, so a
    /// `List` of them converts in one pass under one lock, into a list made at its final size.
    const LEAF: bool = false;
    fn to_py<'py>(&self, cx: &mut IntoCx<'py>) -> PyResult<Bound<'py, PyAny>>;
    /// `to_py` for one of many elements of a list. An `int` there comes from the shared table
    /// of small ints (token ids repeat: their objects stay in cache); a lone result is a
    /// fresh object, which the allocator hands out hot.
    fn to_py_elem<'py>(&self, cx: &mut IntoCx<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.to_py(cx)
    }
}

/// The script spelling of `T` (`Dict[str, List[int]]`).
pub fn type_name<T: FromPyValue>() -> String {
    let mut s = String::new();
    T::type_name(&mut s);
    s
}

/// Converts the argument `name` of a compiled function (the entry point for bindings).
///
/// Errors: `TypeError` naming the parameter and the expected type, `OverflowError` for an
/// int beyond 64 bits, `RecursionError` for nesting deeper than [`MAX_DEPTH`].
pub fn extract_arg<T: FromPyValue>(ob: &Bound<'_, PyAny>, name: &str) -> PyResult<T> {
    let mut cx = FromCx::default();
    T::from_py(ob, &mut cx).map_err(|e| e.into_pyerr::<T>(name))
}

/// Converts a runtime value (a compiled function's result) into a Python object.
pub fn into_py<'py, T: IntoPyValue + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let mut cx = IntoCx::new(py);
    value.to_py(&mut cx)
}

/// A step from a value to one of its parts, for error messages.
#[derive(Debug)]
enum Seg {
    Index(usize),
    /// The value under this key (the key's repr).
    Value(String),
    Key,
    Element,
}

#[derive(Debug)]
enum Kind {
    /// Expected (the part's type name) and the Python type name that came.
    Type {
        expected: String,
        got: String,
    },
    /// A tuple of the wrong length.
    Len {
        expected: String,
        got: usize,
    },
    Overflow,
    Depth,
    /// An error of another kind (a lone surrogate in a str, a matx error).
    Py(PyErr),
}

/// Why a conversion from Python failed, and where inside the argument.
#[derive(Debug)]
pub struct ConvError {
    kind: Kind,
    /// From the innermost part outwards.
    path: Vec<Seg>,
}

impl ConvError {
    /// `ob` is not a `T`.
    pub fn mismatch<T: FromPyValue>(ob: &Bound<'_, PyAny>) -> Self {
        ConvError::expected(type_name::<T>(), ob)
    }
    /// `ob` is not a `expected`.
    pub fn expected(expected: String, ob: &Bound<'_, PyAny>) -> Self {
        ConvError {
            kind: Kind::Type {
                expected,
                got: py_type_name(ob),
            },
            path: Vec::new(),
        }
    }
    pub fn overflow() -> Self {
        ConvError {
            kind: Kind::Overflow,
            path: Vec::new(),
        }
    }
    fn wrong_len(expected: String, got: usize) -> Self {
        ConvError {
            kind: Kind::Len { expected, got },
            path: Vec::new(),
        }
    }
    /// Another Python error, kept as it is (its message gets the argument's name).
    pub fn py(e: PyErr) -> Self {
        ConvError {
            kind: Kind::Py(e),
            path: Vec::new(),
        }
    }
    /// A runtime error (an unhashable key), raised as its Python class.
    pub fn matx(e: matx::Error) -> Self {
        ConvError::py(crate::errors::to_pyerr(e))
    }
    /// A type mismatch of the value itself (not of a part of it).
    pub(crate) fn is_top_level_mismatch(&self) -> bool {
        self.path.is_empty() && matches!(self.kind, Kind::Type { .. })
    }
    fn at(mut self, seg: Seg) -> Self {
        self.path.push(seg);
        self
    }
    pub(crate) fn at_index(self, i: usize) -> Self {
        self.at(Seg::Index(i))
    }
    pub(crate) fn at_key(self) -> Self {
        self.at(Seg::Key)
    }
    pub(crate) fn at_element(self) -> Self {
        self.at(Seg::Element)
    }
    pub(crate) fn at_value(self, key: &Bound<'_, PyAny>) -> Self {
        let k = match key.repr() {
            Ok(r) => r.to_string(),
            Err(_) => "?".to_string(),
        };
        self.at(Seg::Value(k))
    }

    /// `words[3]`, `d['k']`, `a key of d`, `an element of s`.
    fn path_text(&self, name: &str) -> String {
        let mut s = name.to_string();
        for seg in self.path.iter().rev() {
            match seg {
                Seg::Index(i) => s = format!("{s}[{i}]"),
                Seg::Value(k) => s = format!("{s}[{k}]"),
                Seg::Key => s = format!("a key of {s}"),
                Seg::Element => s = format!("an element of {s}"),
            }
        }
        s
    }

    /// The Python exception for parameter `name` of type `T`.
    pub fn into_pyerr<T: FromPyValue>(self, name: &str) -> PyErr {
        let nested = !self.path.is_empty();
        let at = self.path_text(name);
        match self.kind {
            Kind::Type { expected, got } if !nested => PyTypeError::new_err(format!(
                "argument '{name}': expected {expected}, got {got}"
            )),
            Kind::Type { expected, got } => PyTypeError::new_err(format!(
                "argument '{name}': expected {}, but {at} is {got}, not {expected}",
                type_name::<T>()
            )),
            Kind::Len { expected, got } if !nested => PyTypeError::new_err(format!(
                "argument '{name}': expected {expected}, got a tuple of length {got}"
            )),
            Kind::Len { expected, got } => PyTypeError::new_err(format!(
                "argument '{name}': expected {}, but {at} is a tuple of length {got}, not {expected}",
                type_name::<T>()
            )),
            Kind::Overflow if !nested => PyOverflowError::new_err(format!(
                "argument '{name}': int too large to convert to a 64-bit int"
            )),
            Kind::Overflow => PyOverflowError::new_err(format!(
                "argument '{name}': {at} is an int too large to convert to a 64-bit int"
            )),
            Kind::Depth => PyRecursionError::new_err(format!(
                "argument '{name}': containers nested deeper than {MAX_DEPTH} levels"
            )),
            Kind::Py(e) => Python::attach(|py| {
                let where_ = if nested { format!(" (at {at})") } else { String::new() };
                let new = renamed(py, &e, &format!("argument '{name}'{where_}")).ok();
                match new {
                    Some(new) => {
                        // Same class, message naming the argument; the original as the cause.
                        new.set_cause(py, Some(e));
                        new
                    }
                    None => e,
                }
            }),
        }
    }
}

/// `e` again, of the same class, its message prefixed by `prefix` (the reason suffixed, for
/// a `UnicodeError`, whose constructor takes five arguments).
fn renamed(py: Python<'_>, e: &PyErr, prefix: &str) -> PyResult<PyErr> {
    let value = e.value(py);
    let cls = e.get_type(py);
    if value.is_instance_of::<pyo3::exceptions::PyUnicodeError>() {
        let reason = value.getattr("reason")?;
        let args = (
            value.getattr("encoding")?,
            value.getattr("object")?,
            value.getattr("start")?,
            value.getattr("end")?,
            format!("{reason} in {prefix}"),
        );
        return Ok(PyErr::from_value(cls.call1(args)?));
    }
    Ok(PyErr::from_value(
        cls.call1((format!("{prefix}: {value}"),))?,
    ))
}

/// `type(ob).__name__`.
pub(crate) fn py_type_name(ob: &Bound<'_, PyAny>) -> String {
    match ob.get_type().name() {
        Ok(n) => n.to_string(),
        Err(_) => "object".to_string(),
    }
}

struct Memo {
    value: Box<dyn std::any::Any>,
    used: bool,
    /// Holds the Python object, so its id is not reused while the conversion runs.
    _keep: Py<PyAny>,
}

/// State of one Python → Rust conversion: the containers converted so far (by identity
/// and target type) and the nesting depth.
#[derive(Default)]
pub struct FromCx {
    depth: u32,
    memo: HashMap<(usize, TypeId), Memo>,
}

impl FromCx {
    /// The value `ob` already converted to `T`, if any (marks it used).
    pub(crate) fn lookup<T: Clone + 'static>(&mut self, ob: &Bound<'_, PyAny>) -> Option<T> {
        let m = self
            .memo
            .get_mut(&(ob.as_ptr() as usize, TypeId::of::<T>()))?;
        m.used = true;
        m.value.downcast_ref::<T>().cloned()
    }
    /// Records `v` (an empty container, filled later) as the conversion of `ob`.
    pub(crate) fn register<T: 'static>(&mut self, ob: &Bound<'_, PyAny>, v: T) {
        self.memo.insert(
            (ob.as_ptr() as usize, TypeId::of::<T>()),
            Memo {
                value: Box::new(v),
                used: false,
                _keep: ob.clone().unbind(),
            },
        );
    }
    /// Whether the placeholder registered for `ob` was handed out (a cycle).
    pub(crate) fn was_used<T: 'static>(&self, ob: &Bound<'_, PyAny>) -> bool {
        self.memo
            .get(&(ob.as_ptr() as usize, TypeId::of::<T>()))
            .is_some_and(|m| m.used)
    }
    pub(crate) fn enter(&mut self) -> Result<(), ConvError> {
        if self.depth >= MAX_DEPTH {
            return Err(ConvError {
                kind: Kind::Depth,
                path: Vec::new(),
            });
        }
        self.depth += 1;
        Ok(())
    }
    pub(crate) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }
}

/// State of one Rust → Python conversion: the lists and dicts converted so far (by the
/// address of their storage, kept alive meanwhile so no address is reused).
pub struct IntoCx<'py> {
    py: Python<'py>,
    depth: u32,
    memo: HashMap<usize, (Bound<'py, PyAny>, Box<dyn std::any::Any>)>,
}

impl<'py> IntoCx<'py> {
    pub fn new(py: Python<'py>) -> Self {
        IntoCx {
            py,
            depth: 0,
            memo: HashMap::new(),
        }
    }
    pub(crate) fn lookup(&self, addr: usize) -> Option<Bound<'py, PyAny>> {
        self.memo.get(&addr).map(|(o, _)| o.clone())
    }
    /// Records `ob` as the conversion of the container at `addr` (`keep` holds it alive).
    pub(crate) fn register(
        &mut self,
        addr: usize,
        ob: &Bound<'py, PyAny>,
        keep: Box<dyn std::any::Any>,
    ) {
        self.memo.insert(addr, (ob.clone(), keep));
    }
    pub fn py(&self) -> Python<'py> {
        self.py
    }
    pub(crate) fn enter(&mut self) -> PyResult<()> {
        if self.depth >= MAX_DEPTH {
            return Err(PyRecursionError::new_err(format!(
                "result: containers nested deeper than {MAX_DEPTH} levels"
            )));
        }
        self.depth += 1;
        Ok(())
    }
    pub(crate) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }
}

#[cfg(test)]
mod tests;
