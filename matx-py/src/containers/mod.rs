//! `matx.List`, `matx.Dict`, `matx.Set`: the runtime's shared containers as Python types, every operation a call of the runtime's own method (so it behaves as compiled code does, which is as CPython does).
//!
//! Values go in through the conversion to `Any`: a `matx.List`/`Dict`/`Set` is stored as the
//! same runtime container (shared, as Python stores a reference), a Python `list`/`dict`/`set`
//! is converted (a copy). Values come out through [`to_py`]: a list, dict or set held inside
//! comes out as a `matx.List`/`Dict`/`Set` aliasing it (`m[0].append(1)` changes `m`), a tuple
//! item by item by the same rule, anything else as the conversion from `Any` makes it.

mod dict;
mod list;
mod set;

use crate::convert::{extract_arg, into_py, FromCx, FromPyValue, MAX_DEPTH};
use crate::gil::call;
use matx::{Any, PyIterable};
use pyo3::exceptions::{PyOverflowError, PyRecursionError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt, PyIterator, PyList, PySlice, PyTuple, PyType};

pub(crate) use dict::MatxDict;
pub(crate) use list::MatxList;
pub(crate) use set::MatxSet;

/// Adds the three classes to `matx._matx` and registers them with the `collections.abc`
/// classes the builtins are registered with (`MutableSequence`, `MutableMapping`, `MutableSet`).
/// (Only `matx._matx` exports them: a user extension module linking this crate recognises
/// them through [`foreign_copy`].)
#[cfg(feature = "module")]
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<MatxList>()?;
    m.add_class::<MatxDict>()?;
    m.add_class::<MatxSet>()?;
    let abc = py.import("collections.abc")?;
    for (base, cls) in [
        ("MutableSequence", py.get_type::<MatxList>()),
        ("MutableMapping", py.get_type::<MatxDict>()),
        ("MutableSet", py.get_type::<MatxSet>()),
    ] {
        abc.getattr(base)?.call_method1("register", (cls,))?;
    }
    Ok(())
}

/// The runtime container inside `ob` when `ob` is a `matx.List`, `matx.Dict` or `matx.Set`
/// of this module (the same container, not a copy).
pub(crate) fn runtime_value(ob: &Bound<'_, PyAny>) -> Option<Any> {
    if let Ok(l) = ob.cast::<MatxList>() {
        return Some(Any::List(l.get().0.clone()));
    }
    if let Ok(d) = ob.cast::<MatxDict>() {
        return Some(Any::Dict(d.get().0.clone()));
    }
    if let Ok(s) = ob.cast::<MatxSet>() {
        return Some(Any::Set(s.get().0.clone()));
    }
    None
}

/// A builtin copy (`list`, `dict` or `set`, from its `__reduce__`) of `ob` when `ob` is a
/// `matx.List`/`Dict`/`Set` (named `class`, or any of the three for `None`) made by another
/// extension module's copy of this crate: its runtime container cannot be shared across
/// binaries, so it arrives as a copy, like a builtin would.
pub(crate) fn foreign_copy<'py>(
    ob: &Bound<'py, PyAny>,
    class: Option<&str>,
) -> Option<PyResult<Bound<'py, PyAny>>> {
    let ty = ob.get_type();
    if ty.module().ok()?.to_str().ok()? != "matx" {
        return None;
    }
    let name = ty.name().ok()?;
    let name = name.to_str().ok()?;
    let wanted = match class {
        Some(c) => name == c,
        None => matches!(name, "List" | "Dict" | "Set"),
    };
    if !wanted {
        return None;
    }
    Some((|| {
        let reduced = ob.call_method0("__reduce__")?;
        reduced.get_item(1)?.get_item(0)
    })())
}

/// `v` as a Python object: a list, dict or set as the matx class aliasing it, a tuple item by
/// item (so a list inside still aliases), anything else by the conversion from `Any`.
pub(crate) fn to_py<'py>(py: Python<'py>, v: &Any) -> PyResult<Bound<'py, PyAny>> {
    to_py_at(py, v, 0)
}

fn to_py_at<'py>(py: Python<'py>, v: &Any, depth: u32) -> PyResult<Bound<'py, PyAny>> {
    match v {
        Any::List(l) => Ok(Bound::new(py, MatxList(l.clone()))?.into_any()),
        Any::Dict(d) => Ok(Bound::new(py, MatxDict(d.clone()))?.into_any()),
        Any::Set(s) => Ok(Bound::new(py, MatxSet(s.clone()))?.into_any()),
        Any::Tuple(t) => {
            if depth >= MAX_DEPTH {
                return Err(PyRecursionError::new_err(format!(
                    "tuples nested deeper than {MAX_DEPTH} levels"
                )));
            }
            let items = t
                .iter()
                .map(|x| to_py_at(py, x, depth + 1))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(PyTuple::new(py, items)?.into_any())
        }
        _ => into_py(py, v),
    }
}

/// `ob` as a value to store (a `TypeError` naming `name` when no runtime value can hold it).
pub(crate) fn value(ob: &Bound<'_, PyAny>, name: &str) -> PyResult<Any> {
    extract_arg(ob, name)
}

/// `ob` as a value to look for by equality: `None` when it converts to no runtime value, so
/// nothing stored can equal it.
fn probe(ob: &Bound<'_, PyAny>) -> Option<Any> {
    let mut cx = FromCx::default();
    Any::from_py(ob, &mut cx).ok()
}

/// `ob` as a key to look up: `None` when it converts to no runtime value but is hashable (so
/// it is simply absent); Python's `TypeError` when it is unhashable.
fn probe_key(ob: &Bound<'_, PyAny>) -> PyResult<Option<Any>> {
    match probe(ob) {
        Some(k) => Ok(Some(k)),
        None => {
            ob.hash()?;
            Ok(None)
        }
    }
}

/// The items of the iterable argument `ob` as a runtime list: a `matx.List` itself (not a
/// copy: callers that keep it copy it), a `matx.Set`'s elements, a `matx.Dict`'s keys, else
/// each item converted (`TypeError: 'int' object is not iterable` when `ob` is no iterable).
pub(crate) fn items_of(ob: &Bound<'_, PyAny>, name: &str) -> PyResult<matx::List<Any>> {
    match known_items(ob, name) {
        Some(r) => r,
        None => collect_items(&ob.try_iter()?, name),
    }
}

/// [`items_of`] for the containers read without Python iteration; `None` for any other object.
fn known_items(ob: &Bound<'_, PyAny>, name: &str) -> Option<PyResult<matx::List<Any>>> {
    if let Ok(l) = ob.cast::<MatxList>() {
        return Some(Ok(l.get().0.clone()));
    }
    if let Ok(s) = ob.cast::<MatxSet>() {
        return Some(Ok(matx::List::from_vec(s.get().0.to_vec())));
    }
    if let Ok(d) = ob.cast::<MatxDict>() {
        return Some(call(|| d.get().0.keys()));
    }
    if ob.is_instance_of::<PyList>() {
        return Some(extract_arg(ob, name));
    }
    None
}

/// The items of a Python iterator, each converted (one conversion state, so an object that
/// appears twice becomes one shared value).
fn collect_items(it: &Bound<'_, PyIterator>, name: &str) -> PyResult<matx::List<Any>> {
    let mut cx = FromCx::default();
    let mut out = Vec::new();
    for (i, item) in it.clone().enumerate() {
        let v = Any::from_py(&item?, &mut cx)
            .map_err(|e| e.at_index(i).into_pyerr::<matx::List<Any>>(name))?;
        out.push(v);
    }
    Ok(matx::List::from_vec(out))
}

/// The one optional positional argument of `what`, taken as `*args` so that an explicit `None`
/// is an argument (rejected where CPython rejects it), not a missing one.
fn optional_arg<'py>(
    args: &Bound<'py, PyTuple>,
    what: &str,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    match args.len() {
        0 => Ok(None),
        1 => args.get_item(0).map(Some),
        n => Err(PyTypeError::new_err(format!(
            "{what} expected at most 1 argument, got {n}"
        ))),
    }
}

/// Whether `ob` is an int or has `__index__`.
fn is_index(ob: &Bound<'_, PyAny>) -> bool {
    ob.is_instance_of::<PyInt>() || ob.get_type().hasattr("__index__").unwrap_or(false)
}

/// An int argument (by `__index__`), with CPython's errors for a non-int and a huge int.
fn ssize_arg(ob: &Bound<'_, PyAny>) -> PyResult<i64> {
    ob.extract::<i64>().map_err(|e| {
        if e.is_instance_of::<PyOverflowError>(ob.py()) {
            PyOverflowError::new_err("Python int too large to convert to C ssize_t")
        } else {
            e
        }
    })
}

/// An int (by `__index__`) clamped to the 64-bit range, as slice bounds are.
fn clamped(ob: &Bound<'_, PyAny>) -> PyResult<i64> {
    match ob.extract::<i64>() {
        Ok(i) => Ok(i),
        Err(e) if e.is_instance_of::<PyOverflowError>(ob.py()) => {
            Ok(if ob.lt(0)? { i64::MIN } else { i64::MAX })
        }
        Err(e) => Err(e),
    }
}

/// A bound of `list.index` (no `None`), clamped.
fn bound_arg(ob: &Bound<'_, PyAny>) -> PyResult<i64> {
    if !is_index(ob) {
        return Err(PyTypeError::new_err(
            "slice indices must be integers or have an __index__ method",
        ));
    }
    clamped(ob)
}

type SliceParts = (Option<i64>, Option<i64>, Option<i64>);

/// `start`, `stop` and `step` of a slice, clamped to the 64-bit range as CPython clamps them.
fn slice_parts(s: &Bound<'_, PySlice>) -> PyResult<SliceParts> {
    let part = |name: &str| -> PyResult<Option<i64>> {
        let ob = s.getattr(name)?;
        if ob.is_none() {
            return Ok(None);
        }
        if !is_index(&ob) {
            return Err(PyTypeError::new_err(
                "slice indices must be integers or None or have an __index__ method",
            ));
        }
        clamped(&ob).map(Some)
    };
    Ok((part("start")?, part("stop")?, part("step")?))
}

/// An int flag (`reverse=`): a bool or an int, as CPython's `list.sort` accepts.
fn int_flag(ob: &Bound<'_, PyAny>) -> PyResult<bool> {
    if ob.is_instance_of::<PyInt>() {
        return ob.is_truthy();
    }
    Err(PyTypeError::new_err(format!(
        "'{}' object cannot be interpreted as an integer",
        crate::convert::py_type_name(ob)
    )))
}

/// `types.GenericAlias(cls, item)`: `matx.List[int]` as `list[int]` works.
fn generic_alias<'py>(
    cls: &Bound<'py, PyType>,
    item: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    cls.py()
        .import("types")?
        .getattr("GenericAlias")?
        .call1((cls, item))
}

fn py_bool(py: Python<'_>, b: bool) -> Py<PyAny> {
    PyBool::new(py, b).to_owned().into_any().unbind()
}

/// `(type(ob), (builtin,))`: pickles as the constructor called with the builtin copy.
fn reduce<'py>(
    ob: &Bound<'py, PyAny>,
    v: &Any,
) -> PyResult<(Bound<'py, PyType>, (Bound<'py, PyAny>,))> {
    Ok((ob.get_type(), (into_py(ob.py(), v)?,)))
}

/// The iterator of a `matx.List`/`Dict`/`Set`: the runtime's own (it sees appends during the
/// loop, and raises `RuntimeError` when a dict or set changes size), or a list's reverse one.
#[pyclass(module = "matx", name = "ContainerIterator")]
pub(crate) struct ContainerIter(IterKind);

enum IterKind {
    Forward(matx::value::AnyIter),
    /// `reversed(list)`: the index of the next item plus one (0: finished).
    Reverse(matx::List<Any>, usize),
}

impl ContainerIter {
    fn forward(v: Any) -> Self {
        ContainerIter(IterKind::Forward(v.py_iter()))
    }
    fn reverse(l: matx::List<Any>) -> Self {
        let n = l.len();
        ContainerIter(IterKind::Reverse(l, n))
    }
}

#[pymethods]
impl ContainerIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }
    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let next = match &mut self.0 {
            IterKind::Forward(it) => it.next(),
            IterKind::Reverse(l, idx) => {
                let item = idx.checked_sub(1).and_then(|i| l.get_opt(i));
                *idx = if item.is_some() { *idx - 1 } else { 0 };
                item.map(Ok)
            }
        };
        match next {
            None => Ok(None),
            Some(r) => to_py(py, &call(|| r)?).map(Some),
        }
    }
}
