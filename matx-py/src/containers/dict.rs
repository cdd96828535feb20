//! `matx.Dict`: the runtime's `Dict<Any, Any>` as a Python type that behaves like `dict`.

use super::{
    generic_alias, items_of, optional_arg, probe_key, py_bool, reduce, to_py, value, ContainerIter,
    MatxList,
};
use crate::convert::extract_arg;
use crate::gil::call;
use matx::{Any, Dict, PyValue};
use pyo3::basic::CompareOp;
use pyo3::exceptions::{PyKeyError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple, PyType};

/// A dict shared with compiled code: passed where a script takes `Any` or `Dict[Any, Any]`,
/// the script works on this very dict; passed where it takes `Dict[K, V]`, it is converted
/// entry by entry, as a Python `dict` is.
///
/// Keys and values are stored as runtime values, by the rule of `matx.List`: a
/// `matx.List`/`Dict`/`Set` is stored as itself, a Python `list`/`dict`/`set` is copied, and
/// one read back out is a `matx.List`/`Dict`/`Set` aliasing the stored one. `keys()`,
/// `values()` and `items()` return `matx.List` snapshots (not live views).
#[pyclass(module = "matx", name = "Dict", frozen)]
pub(crate) struct MatxDict(pub(crate) Dict<Any, Any>);

/// `ob` as a runtime dict when it is a `matx.Dict` (itself) or a Python `dict` (converted).
fn as_dict(ob: &Bound<'_, PyAny>) -> Option<Dict<Any, Any>> {
    if let Ok(d) = ob.cast::<MatxDict>() {
        return Some(d.get().0.clone());
    }
    if ob.is_instance_of::<PyDict>() {
        return extract_arg(ob, "other").ok();
    }
    None
}

/// A new runtime dict of a mapping or an iterable of pairs, made by the builtin `dict` first
/// (so a malformed argument raises CPython's own error).
fn dict_of(ob: &Bound<'_, PyAny>, name: &str) -> PyResult<Dict<Any, Any>> {
    if ob.is_exact_instance_of::<PyDict>() {
        return extract_arg(ob, name);
    }
    let d = ob.py().get_type::<PyDict>().call1((ob,))?;
    extract_arg(&d, name)
}

/// `KeyError(key)` for a key no runtime value equals.
fn missing(key: &Bound<'_, PyAny>) -> PyErr {
    PyKeyError::new_err((key.clone().unbind(),))
}

impl MatxDict {
    /// `self.update(other, **kwargs)`.
    fn update_from(
        &self,
        other: Option<&Bound<'_, PyAny>>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<()> {
        if let Some(ob) = other {
            let o = match ob.cast::<MatxDict>() {
                Ok(d) => d.get().0.clone(),
                Err(_) => dict_of(ob, "other")?,
            };
            call(|| self.0.update(o))?;
        }
        if let Some(kw) = kwargs {
            let o = extract_arg(kw.as_any(), "kwargs")?;
            call(|| self.0.update(o))?;
        }
        Ok(())
    }
}

#[pymethods]
impl MatxDict {
    /// `Dict(mapping_or_pairs=(), **kwargs)`.
    #[new]
    #[pyo3(signature = (*args, **kwargs), text_signature = "(iterable=(), /, **kwargs)")]
    fn new(args: &Bound<'_, PyTuple>, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let d = match optional_arg(args, "dict")? {
            None => Dict::new(),
            Some(ob) => match ob.cast::<MatxDict>() {
                Ok(d) => call(|| d.get().0.copy())?,
                Err(_) => dict_of(&ob, "iterable")?,
            },
        };
        let out = MatxDict(d);
        out.update_from(None, kwargs)?;
        Ok(out)
    }

    #[classattr]
    const __hash__: Option<Py<PyAny>> = None;

    #[classmethod]
    fn __class_getitem__<'py>(
        cls: &Bound<'py, PyType>,
        item: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        generic_alias(cls, item)
    }

    /// `Dict.fromkeys(iterable, value=None)`.
    #[classmethod]
    #[pyo3(signature = (iterable, value = None, /))]
    fn fromkeys(
        _cls: &Bound<'_, PyType>,
        iterable: &Bound<'_, PyAny>,
        value: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<MatxDict> {
        let keys = items_of(iterable, "iterable")?;
        let v = match value {
            Some(ob) => super::value(ob, "value")?,
            None => Any::None,
        };
        call(|| Dict::fromkeys(keys, v)).map(MatxDict)
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    fn __contains__(&self, key: &Bound<'_, PyAny>) -> PyResult<bool> {
        match probe_key(key)? {
            Some(k) => call(|| Any::Dict(self.0.clone()).contains(&k)),
            None => Ok(false),
        }
    }

    fn __iter__(&self) -> ContainerIter {
        ContainerIter::forward(Any::Dict(self.0.clone()))
    }

    fn __reversed__(&self) -> PyResult<ContainerIter> {
        let keys = call(|| self.0.keys())?;
        call(|| keys.reverse())?;
        Ok(ContainerIter::forward(Any::List(keys)))
    }

    fn __repr__(&self) -> PyResult<String> {
        call(|| matx::repr(&self.0))
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let (o, want) = match (op, as_dict(other)) {
            (CompareOp::Eq, Some(o)) => (o, true),
            (CompareOp::Ne, Some(o)) => (o, false),
            _ => return Ok(py.NotImplemented()),
        };
        let eq = call(|| self.0.py_eq(&o))?;
        Ok(py_bool(py, eq == want))
    }

    fn __getitem__<'py>(&self, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        match probe_key(key)? {
            Some(k) => to_py(key.py(), &call(|| self.0.get_item(&k))?),
            None => Err(missing(key)),
        }
    }

    fn __setitem__(&self, key: &Bound<'_, PyAny>, v: &Bound<'_, PyAny>) -> PyResult<()> {
        let k = value(key, "key")?;
        let v = value(v, "value")?;
        call(|| self.0.set_item(k, v))
    }

    fn __delitem__(&self, key: &Bound<'_, PyAny>) -> PyResult<()> {
        match probe_key(key)? {
            Some(k) => call(|| self.0.del_item(&k)),
            None => Err(missing(key)),
        }
    }

    /// `d.get(key, default=None)`: `default` itself when the key is missing.
    #[pyo3(signature = (key, default = None, /))]
    fn get<'py>(
        &self,
        key: &Bound<'py, PyAny>,
        default: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = key.py();
        let found = match probe_key(key)? {
            Some(k) => call(|| self.0.get(k))?,
            None => None,
        };
        match (found, default) {
            (Some(v), _) => to_py(py, &v),
            (None, Some(d)) => Ok(d.clone()),
            (None, None) => Ok(py.None().into_bound(py)),
        }
    }

    /// `d.pop(key[, default])`.
    #[pyo3(signature = (key, *default))]
    fn pop<'py>(
        &self,
        key: &Bound<'py, PyAny>,
        default: &Bound<'py, PyTuple>,
    ) -> PyResult<Bound<'py, PyAny>> {
        if default.len() > 1 {
            return Err(PyTypeError::new_err(format!(
                "pop expected at most 2 arguments, got {}",
                default.len() + 1
            )));
        }
        let default = default.get_item(0).ok();
        let Some(k) = probe_key(key)? else {
            return default.ok_or_else(|| missing(key));
        };
        let popped = call(|| match self.0.pop(k) {
            Ok(v) => Ok(Some(v)),
            // Missing: the default, if any, is returned as it is (not converted).
            Err(e) if default.is_some() && e.is_instance(&matx::exc::KeyError) => Ok(None),
            Err(e) => Err(e),
        })?;
        match (popped, default) {
            (Some(v), _) => to_py(key.py(), &v),
            (None, Some(d)) => Ok(d),
            (None, None) => Err(missing(key)),
        }
    }

    /// `d.popitem()`: the last inserted entry, as a tuple.
    fn popitem<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let (k, v) = call(|| self.0.popitem())?;
        PyTuple::new(py, [to_py(py, &k)?, to_py(py, &v)?])
    }

    /// `d.setdefault(key, default=None)`: the stored value (a list default comes back as the
    /// `matx.List` stored, so `d.setdefault(k, []).append(x)` works as with a dict).
    #[pyo3(signature = (key, default = None, /))]
    fn setdefault<'py>(
        &self,
        key: &Bound<'py, PyAny>,
        default: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let k = value(key, "key")?;
        let d = match default {
            Some(ob) => value(ob, "default")?,
            None => Any::None,
        };
        to_py(key.py(), &call(|| self.0.setdefault(k, d))?)
    }

    /// `d.update(mapping_or_pairs=(), **kwargs)`.
    #[pyo3(signature = (*args, **kwargs), text_signature = "($self, other=(), /, **kwargs)")]
    fn update(
        &self,
        args: &Bound<'_, PyTuple>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<()> {
        self.update_from(optional_arg(args, "update")?.as_ref(), kwargs)
    }

    /// The keys, as a `matx.List` snapshot.
    fn keys(&self) -> PyResult<MatxList> {
        call(|| self.0.keys()).map(MatxList)
    }

    /// The values, as a `matx.List` snapshot.
    fn values(&self) -> PyResult<MatxList> {
        call(|| self.0.values()).map(MatxList)
    }

    /// The `(key, value)` pairs, as a `matx.List` snapshot of tuples.
    fn items(&self) -> PyResult<MatxList> {
        let pairs = call(|| self.0.items())?;
        let tuples = pairs
            .to_vec()
            .into_iter()
            .map(|(k, v)| Any::tuple(vec![k, v]))
            .collect();
        Ok(MatxList(matx::List::from_vec(tuples)))
    }

    fn clear(&self) -> PyResult<()> {
        call(|| self.0.clear())
    }

    /// A shallow copy.
    fn copy(&self) -> PyResult<MatxDict> {
        call(|| self.0.copy()).map(MatxDict)
    }

    fn __copy__(&self) -> PyResult<MatxDict> {
        self.copy()
    }

    /// `self | other`: `other` must be a `matx.Dict` or a `dict`.
    fn __or__(&self, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let Some(o) = as_dict(other) else {
            return Ok(py.NotImplemented());
        };
        let d = call(|| self.0.bitor(&o))?;
        Ok(Bound::new(py, MatxDict(d))?.into_any().unbind())
    }

    /// `self |= other` updates in place from any mapping or iterable of pairs, as `dict |=`.
    fn __ior__(&self, other: &Bound<'_, PyAny>) -> PyResult<()> {
        self.update_from(Some(other), None)
    }

    /// Pickles as `matx.Dict(<the builtin dict>)`.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyType>, (Bound<'py, PyAny>,))> {
        reduce(slf.as_any(), &Any::Dict(slf.get().0.clone()))
    }
}
