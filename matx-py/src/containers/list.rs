//! `matx.List`: the runtime's `List<Any>` as a Python type that behaves like `list`.

use super::{
    bound_arg, collect_items, generic_alias, int_flag, is_index, items_of, known_items,
    optional_arg, probe, py_bool, reduce, slice_parts, ssize_arg, to_py, value, ContainerIter,
};
use crate::convert::{extract_arg, py_type_name};
use crate::gil::call;
use matx::{Any, List, PyOrd, PyValue};
use pyo3::basic::CompareOp;
use pyo3::exceptions::{PyIndexError, PyOverflowError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PySlice, PyTuple, PyType};

/// A list shared with compiled code: passed where a script takes `Any` or `List[Any]`, the
/// script works on this very list (its `append` is seen here); passed where it takes
/// `List[T]`, it is converted item by item, as a Python `list` is.
///
/// Items are stored as runtime values: a `matx.List`/`Dict`/`Set` item is stored as itself
/// (shared), a Python `list`/`dict`/`set` item is copied. A list, dict or set read back out
/// is a `matx.List`/`Dict`/`Set` aliasing the stored one. Only what a script can hold fits
/// (None, bool, int of 64 bits, float, str, bytes, tuple, list, dict, set, compiled objects).
#[pyclass(module = "matx", name = "List", frozen, sequence)]
pub(crate) struct MatxList(pub(crate) List<Any>);

/// `ob` as a runtime list when it is a `matx.List` (itself) or a Python `list` (converted).
fn as_list(ob: &Bound<'_, PyAny>) -> Option<List<Any>> {
    if let Ok(l) = ob.cast::<MatxList>() {
        return Some(l.get().0.clone());
    }
    if ob.is_instance_of::<PyList>() {
        return extract_arg(ob, "other").ok();
    }
    None
}

/// An int index, with CPython's errors (`list indices must be integers or slices, not str`).
fn index_arg(ob: &Bound<'_, PyAny>) -> PyResult<i64> {
    if !is_index(ob) {
        return Err(PyTypeError::new_err(format!(
            "list indices must be integers or slices, not {}",
            py_type_name(ob)
        )));
    }
    ob.extract::<i64>().map_err(|e| {
        if e.is_instance_of::<PyOverflowError>(ob.py()) {
            PyIndexError::new_err("cannot fit 'int' into an index-sized integer")
        } else {
            e
        }
    })
}

/// A repeat count (`xs * n`), with CPython's errors.
fn count_arg(ob: &Bound<'_, PyAny>) -> PyResult<i64> {
    if !is_index(ob) {
        return Err(PyTypeError::new_err(format!(
            "can't multiply sequence by non-int of type '{}'",
            py_type_name(ob)
        )));
    }
    ob.extract::<i64>().map_err(|e| {
        if e.is_instance_of::<PyOverflowError>(ob.py()) {
            PyOverflowError::new_err("cannot fit 'int' into an index-sized integer")
        } else {
            e
        }
    })
}

#[pymethods]
impl MatxList {
    /// `List(iterable=())`: a new list of the iterable's items.
    #[new]
    #[pyo3(signature = (*args), text_signature = "(iterable=(), /)")]
    fn new(args: &Bound<'_, PyTuple>) -> PyResult<Self> {
        let Some(ob) = optional_arg(args, "list")? else {
            return Ok(MatxList(List::new()));
        };
        if let Ok(l) = ob.cast::<MatxList>() {
            return call(|| l.get().0.copy()).map(MatxList);
        }
        items_of(&ob, "iterable").map(MatxList)
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

    fn __len__(&self) -> usize {
        self.0.len()
    }

    fn __contains__(&self, x: &Bound<'_, PyAny>) -> PyResult<bool> {
        match probe(x) {
            Some(v) => call(|| self.0.contains(&v)),
            None => Ok(false),
        }
    }

    fn __iter__(&self) -> ContainerIter {
        ContainerIter::forward(Any::List(self.0.clone()))
    }

    fn __reversed__(&self) -> ContainerIter {
        ContainerIter::reverse(self.0.clone())
    }

    fn __repr__(&self) -> PyResult<String> {
        call(|| matx::repr(&self.0))
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let Some(o) = as_list(other) else {
            return Ok(py.NotImplemented());
        };
        let a = &self.0;
        let r = call(|| match op {
            CompareOp::Eq => a.py_eq(&o),
            CompareOp::Ne => a.py_ne(&o),
            CompareOp::Lt => a.py_lt(&o),
            CompareOp::Le => a.py_le(&o),
            CompareOp::Gt => a.py_gt(&o),
            CompareOp::Ge => a.py_ge(&o),
        })?;
        Ok(py_bool(py, r))
    }

    fn __getitem__<'py>(&self, idx: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = idx.py();
        if let Ok(s) = idx.cast::<PySlice>() {
            let (a, b, c) = slice_parts(s)?;
            let part = call(|| self.0.get_slice(a, b, c))?;
            return Ok(Bound::new(py, MatxList(part))?.into_any());
        }
        let i = index_arg(idx)?;
        to_py(py, &call(|| self.0.get_item(i))?)
    }

    fn __setitem__(&self, idx: &Bound<'_, PyAny>, v: &Bound<'_, PyAny>) -> PyResult<()> {
        if let Ok(s) = idx.cast::<PySlice>() {
            let (a, b, c) = slice_parts(s)?;
            let values = match known_items(v, "value") {
                Some(r) => r?,
                None => {
                    let msg = if c.is_some_and(|c| c != 1) {
                        "must assign iterable to extended slice"
                    } else {
                        "can only assign an iterable"
                    };
                    let it = v.try_iter().map_err(|_| PyTypeError::new_err(msg))?;
                    collect_items(&it, "value")?
                }
            };
            return call(|| self.0.set_slice(a, b, c, values));
        }
        let i = index_arg(idx)?;
        let x = value(v, "value")?;
        call(|| self.0.set_item(i, x))
    }

    fn __delitem__(&self, idx: &Bound<'_, PyAny>) -> PyResult<()> {
        if let Ok(s) = idx.cast::<PySlice>() {
            let (a, b, c) = slice_parts(s)?;
            return call(|| self.0.del_slice(a, b, c));
        }
        let i = index_arg(idx)?;
        call(|| self.0.del_item(i))
    }

    /// `self + other`: `other` must be a `matx.List` or a `list` (`list + matx.List` raises
    /// `TypeError`, as `list + tuple` does).
    fn __add__(&self, other: &Bound<'_, PyAny>) -> PyResult<MatxList> {
        match as_list(other) {
            Some(o) => Ok(MatxList(call(|| self.0.concat(&o))?)),
            None => Err(PyTypeError::new_err(format!(
                "can only concatenate list (not \"{}\") to list",
                py_type_name(other)
            ))),
        }
    }

    /// `self += iterable` extends in place, as `list +=` does.
    fn __iadd__(&self, other: &Bound<'_, PyAny>) -> PyResult<()> {
        let items = items_of(other, "other")?;
        call(|| self.0.iadd(items))
    }

    fn __mul__(&self, n: &Bound<'_, PyAny>) -> PyResult<MatxList> {
        let n = count_arg(n)?;
        call(|| self.0.repeat(n)).map(MatxList)
    }

    fn __rmul__(&self, n: &Bound<'_, PyAny>) -> PyResult<MatxList> {
        self.__mul__(n)
    }

    fn __imul__(&self, n: &Bound<'_, PyAny>) -> PyResult<()> {
        let n = count_arg(n)?;
        call(|| self.0.imul(n))
    }

    fn append(&self, x: &Bound<'_, PyAny>) -> PyResult<()> {
        let x = value(x, "object")?;
        call(|| self.0.append(x))
    }

    fn extend(&self, iterable: &Bound<'_, PyAny>) -> PyResult<()> {
        let items = items_of(iterable, "iterable")?;
        call(|| self.0.extend(items))
    }

    fn insert(&self, index: &Bound<'_, PyAny>, x: &Bound<'_, PyAny>) -> PyResult<()> {
        let i = ssize_arg(index)?;
        let x = value(x, "object")?;
        call(|| self.0.insert(i, x))
    }

    #[pyo3(signature = (*args), text_signature = "($self, index=-1, /)")]
    fn pop<'py>(&self, py: Python<'py>, args: &Bound<'py, PyTuple>) -> PyResult<Bound<'py, PyAny>> {
        let i = match optional_arg(args, "pop")? {
            Some(ob) => ssize_arg(&ob)?,
            None => -1,
        };
        to_py(py, &call(|| self.0.pop(i))?)
    }

    fn remove(&self, x: &Bound<'_, PyAny>) -> PyResult<()> {
        match probe(x) {
            Some(v) => call(|| self.0.remove(v)),
            None => Err(PyValueError::new_err("list.remove(x): x not in list")),
        }
    }

    /// `index(x, start=0, stop=sys.maxsize, /)`.
    #[pyo3(signature = (x, *bounds), text_signature = "($self, value, start=0, stop=sys.maxsize, /)")]
    fn index(&self, x: &Bound<'_, PyAny>, bounds: &Bound<'_, PyTuple>) -> PyResult<i64> {
        if bounds.len() > 2 {
            return Err(PyTypeError::new_err(format!(
                "index expected at most 3 arguments, got {}",
                bounds.len() + 1
            )));
        }
        let bound = |i: usize, default: i64| match bounds.get_item(i) {
            Ok(b) => bound_arg(&b),
            Err(_) => Ok(default),
        };
        let (start, stop) = (bound(0, 0)?, bound(1, i64::MAX)?);
        match probe(x) {
            Some(v) => call(|| self.0.index(v, start, stop)),
            None => Err(PyValueError::new_err(format!(
                "{} is not in list",
                x.repr()?
            ))),
        }
    }

    fn count(&self, x: &Bound<'_, PyAny>) -> PyResult<i64> {
        match probe(x) {
            Some(v) => call(|| self.0.count(v)),
            None => Ok(0),
        }
    }

    /// `sort(*, key=None, reverse=False)`: stable, by `<` only; `key` is called once per item.
    #[pyo3(signature = (*, key = None, reverse = None))]
    fn sort(
        &self,
        py: Python<'_>,
        key: Option<&Bound<'_, PyAny>>,
        reverse: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let reverse = match reverse {
            Some(r) => int_flag(r)?,
            None => false,
        };
        let Some(key) = key.filter(|k| !k.is_none()) else {
            return call(|| self.0.sort(reverse));
        };
        // A Python error inside the key function is kept here and raised as it is.
        let mut failed: Option<PyErr> = None;
        let r = call(|| {
            self.0.sort_by_key(
                |x: &Any| {
                    let k = to_py(py, x)
                        .and_then(|ob| key.call1((ob,)))
                        .and_then(|k| value(&k, "key"));
                    k.map_err(|e| {
                        failed = Some(e);
                        matx::Error::new(&matx::exc::RuntimeError, "the key function failed")
                    })
                },
                reverse,
            )
        });
        match failed {
            Some(e) => Err(e),
            None => r,
        }
    }

    fn reverse(&self) -> PyResult<()> {
        call(|| self.0.reverse())
    }

    fn clear(&self) -> PyResult<()> {
        call(|| self.0.clear())
    }

    /// A shallow copy (items that are lists, dicts or sets are shared, as `list.copy`).
    fn copy(&self) -> PyResult<MatxList> {
        call(|| self.0.copy()).map(MatxList)
    }

    fn __copy__(&self) -> PyResult<MatxList> {
        self.copy()
    }

    /// Pickles as `matx.List(<the builtin list>)`.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyType>, (Bound<'py, PyAny>,))> {
        reduce(slf.as_any(), &Any::List(slf.get().0.clone()))
    }
}
