//! `matx.Set`: the runtime's `Set<Any>` as a Python type that behaves like `set`.

use super::{
    generic_alias, items_of, optional_arg, probe_key, py_bool, reduce, to_py, value, ContainerIter,
};
use crate::convert::{FromCx, FromPyValue};
use crate::gil::call;
use matx::{Any, List, PyValue, Set};
use pyo3::basic::CompareOp;
use pyo3::exceptions::{PyKeyError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyFrozenSet, PySet, PyTuple, PyType};

/// A set shared with compiled code: passed where a script takes `Any` or `Set[Any]`, the
/// script works on this very set; passed where it takes `Set[T]`, it is converted element by
/// element, as a Python `set` is.
///
/// Elements are stored as runtime values (only hashable ones: None, bool, int, float, str,
/// bytes, tuples of those, hashable compiled objects). The table is CPython's, so iteration
/// order and `repr` are CPython's for ints, floats and tuples of them (CPython randomises
/// the order of strings per process; matx's string order is its own).
#[pyclass(module = "matx", name = "Set", frozen)]
pub(crate) struct MatxSet(pub(crate) Set<Any>);

/// A runtime set of a `set` or `frozenset`'s elements, added one by one.
fn set_of_builtin(ob: &Bound<'_, PyAny>) -> PyResult<Set<Any>> {
    let mut cx = FromCx::default();
    let mut items = Vec::new();
    for item in ob.try_iter()? {
        let v = Any::from_py(&item?, &mut cx)
            .map_err(|e| e.at_element().into_pyerr::<Set<Any>>("other"))?;
        items.push(v);
    }
    call(|| Set::from_vec(items))
}

/// `ob` as a runtime set when it is a `matx.Set` (itself), a `set` or a `frozenset` (converted).
fn set_like(ob: &Bound<'_, PyAny>) -> PyResult<Option<Set<Any>>> {
    if let Ok(s) = ob.cast::<MatxSet>() {
        return Ok(Some(s.get().0.clone()));
    }
    if ob.is_instance_of::<PySet>() || ob.is_instance_of::<PyFrozenSet>() {
        return set_of_builtin(ob).map(Some);
    }
    Ok(None)
}

/// The right operand of an in-place operator (`s |= t`): only a set-like object extracts, so
/// anything else makes the operator return `NotImplemented` (and Python raise `TypeError`).
struct SetArg(Set<Any>);

impl<'a, 'py> FromPyObject<'a, 'py> for SetArg {
    type Error = PyErr;
    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        match set_like(&ob)? {
            Some(s) => Ok(SetArg(s)),
            None => Err(PyTypeError::new_err("not a set")),
        }
    }
}

/// The argument of a set method: a set (CPython's set-with-set algorithms, so the same
/// iteration order) or any other iterable's items.
enum Operand {
    Set(Set<Any>),
    Items(List<Any>),
}

fn operand(ob: &Bound<'_, PyAny>) -> PyResult<Operand> {
    if let Some(s) = set_like(ob)? {
        return Ok(Operand::Set(s));
    }
    items_of(ob, "other").map(Operand::Items)
}

fn set_obj(py: Python<'_>, s: Set<Any>) -> PyResult<Py<PyAny>> {
    Ok(Bound::new(py, MatxSet(s))?.into_any().unbind())
}

#[pymethods]
impl MatxSet {
    /// `Set(iterable=())`.
    #[new]
    #[pyo3(signature = (*args), text_signature = "(iterable=(), /)")]
    fn new(args: &Bound<'_, PyTuple>) -> PyResult<Self> {
        let Some(ob) = optional_arg(args, "set")? else {
            return Ok(MatxSet(Set::new()));
        };
        let s = match operand(&ob)? {
            Operand::Set(s) => call(|| s.copy())?,
            Operand::Items(l) => call(|| Set::from_vec(l.to_vec()))?,
        };
        Ok(MatxSet(s))
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
        match probe_key(x)? {
            Some(v) => call(|| Any::Set(self.0.clone()).contains(&v)),
            None => Ok(false),
        }
    }

    fn __iter__(&self) -> ContainerIter {
        ContainerIter::forward(Any::Set(self.0.clone()))
    }

    fn __repr__(&self) -> PyResult<String> {
        call(|| matx::repr(&self.0))
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let Some(o) = set_like(other).ok().flatten() else {
            return Ok(py.NotImplemented());
        };
        let a = &self.0;
        let r = call(|| match op {
            CompareOp::Eq => a.py_eq(&o),
            CompareOp::Ne => a.py_ne(&o),
            CompareOp::Lt => a.py_lt_set(&o),
            CompareOp::Le => a.py_le_set(&o),
            CompareOp::Gt => a.py_gt_set(&o),
            CompareOp::Ge => a.py_ge_set(&o),
        })?;
        Ok(py_bool(py, r))
    }

    fn add(&self, x: &Bound<'_, PyAny>) -> PyResult<()> {
        let x = value(x, "element")?;
        call(|| self.0.add(x))
    }

    fn discard(&self, x: &Bound<'_, PyAny>) -> PyResult<()> {
        match probe_key(x)? {
            Some(v) => call(|| self.0.discard(v)),
            None => Ok(()),
        }
    }

    fn remove(&self, x: &Bound<'_, PyAny>) -> PyResult<()> {
        match probe_key(x)? {
            Some(v) => call(|| self.0.remove(v)),
            None => Err(PyKeyError::new_err((x.clone().unbind(),))),
        }
    }

    fn pop<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &call(|| self.0.pop())?)
    }

    fn clear(&self) -> PyResult<()> {
        call(|| self.0.clear())
    }

    fn copy(&self) -> PyResult<MatxSet> {
        call(|| self.0.copy()).map(MatxSet)
    }

    fn __copy__(&self) -> PyResult<MatxSet> {
        self.copy()
    }

    #[pyo3(signature = (*others))]
    fn union(&self, others: &Bound<'_, PyTuple>) -> PyResult<MatxSet> {
        let r = call(|| self.0.copy())?;
        update(&r, others)?;
        Ok(MatxSet(r))
    }

    #[pyo3(signature = (*others))]
    fn update(&self, others: &Bound<'_, PyTuple>) -> PyResult<()> {
        update(&self.0, others)
    }

    #[pyo3(signature = (*others))]
    fn intersection(&self, others: &Bound<'_, PyTuple>) -> PyResult<MatxSet> {
        let mut r = call(|| self.0.copy())?;
        for ob in others {
            r = match operand(&ob)? {
                Operand::Set(s) => call(|| r.bitand(&s))?,
                Operand::Items(l) => call(|| r.intersection(l))?,
            };
        }
        Ok(MatxSet(r))
    }

    #[pyo3(signature = (*others))]
    fn intersection_update(&self, others: &Bound<'_, PyTuple>) -> PyResult<()> {
        for ob in others {
            match operand(&ob)? {
                Operand::Set(s) => call(|| self.0.iand(&s))?,
                Operand::Items(l) => call(|| self.0.intersection_update(l))?,
            }
        }
        Ok(())
    }

    #[pyo3(signature = (*others))]
    fn difference(&self, others: &Bound<'_, PyTuple>) -> PyResult<MatxSet> {
        let Ok(first) = others.get_item(0) else {
            return self.copy();
        };
        let r = match operand(&first)? {
            Operand::Set(s) => call(|| self.0.sub(&s))?,
            Operand::Items(l) => call(|| self.0.difference(l))?,
        };
        difference_update(&r, others.iter().skip(1))?;
        Ok(MatxSet(r))
    }

    #[pyo3(signature = (*others))]
    fn difference_update(&self, others: &Bound<'_, PyTuple>) -> PyResult<()> {
        difference_update(&self.0, others.iter())
    }

    fn symmetric_difference(&self, other: &Bound<'_, PyAny>) -> PyResult<MatxSet> {
        let r = match operand(other)? {
            Operand::Set(s) => call(|| self.0.bitxor(&s))?,
            Operand::Items(l) => call(|| self.0.symmetric_difference(l))?,
        };
        Ok(MatxSet(r))
    }

    fn symmetric_difference_update(&self, other: &Bound<'_, PyAny>) -> PyResult<()> {
        match operand(other)? {
            Operand::Set(s) => call(|| self.0.ixor(&s)),
            Operand::Items(l) => call(|| self.0.symmetric_difference_update(l)),
        }
    }

    fn issubset(&self, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        match operand(other)? {
            Operand::Set(s) => call(|| self.0.py_le_set(&s)),
            Operand::Items(l) => call(|| self.0.issubset(l)),
        }
    }

    fn issuperset(&self, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        match operand(other)? {
            Operand::Set(s) => call(|| self.0.py_ge_set(&s)),
            Operand::Items(l) => call(|| self.0.issuperset(l)),
        }
    }

    fn isdisjoint(&self, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let items = match operand(other)? {
            Operand::Set(s) => List::from_vec(s.to_vec()),
            Operand::Items(l) => l,
        };
        call(|| self.0.isdisjoint(items))
    }

    fn __or__(&self, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        self.binary(other, |a, b| a.bitor(b))
    }

    fn __and__(&self, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        self.binary(other, |a, b| a.bitand(b))
    }

    fn __sub__(&self, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        self.binary(other, |a, b| a.sub(b))
    }

    fn __xor__(&self, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        self.binary(other, |a, b| a.bitxor(b))
    }

    fn __ior__(&self, other: SetArg) -> PyResult<()> {
        call(|| self.0.ior(&other.0))
    }

    fn __iand__(&self, other: SetArg) -> PyResult<()> {
        call(|| self.0.iand(&other.0))
    }

    fn __isub__(&self, other: SetArg) -> PyResult<()> {
        call(|| self.0.isub(&other.0))
    }

    fn __ixor__(&self, other: SetArg) -> PyResult<()> {
        call(|| self.0.ixor(&other.0))
    }

    /// Pickles as `matx.Set(<the builtin set>)`.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyType>, (Bound<'py, PyAny>,))> {
        reduce(slf.as_any(), &Any::Set(slf.get().0.clone()))
    }
}

impl MatxSet {
    /// `self OP other` for a set-like `other` (`NotImplemented` otherwise, so `s | [1]` raises
    /// `TypeError` as with a set).
    fn binary(
        &self,
        other: &Bound<'_, PyAny>,
        op: impl FnOnce(&Set<Any>, &Set<Any>) -> matx::Result<Set<Any>>,
    ) -> PyResult<Py<PyAny>> {
        let py = other.py();
        match set_like(other)? {
            Some(o) => set_obj(py, call(|| op(&self.0, &o))?),
            None => Ok(py.NotImplemented()),
        }
    }
}

/// `s.update(*others)`.
fn update(s: &Set<Any>, others: &Bound<'_, PyTuple>) -> PyResult<()> {
    for ob in others {
        match operand(&ob)? {
            Operand::Set(o) => call(|| s.ior(&o))?,
            Operand::Items(l) => call(|| s.update(l))?,
        }
    }
    Ok(())
}

/// `s.difference_update(*others)`.
fn difference_update<'py>(
    s: &Set<Any>,
    others: impl Iterator<Item = Bound<'py, PyAny>>,
) -> PyResult<()> {
    for ob in others {
        match operand(&ob)? {
            Operand::Set(o) => call(|| s.isub(&o))?,
            Operand::Items(l) => call(|| s.difference_update(l))?,
        }
    }
    Ok(())
}
