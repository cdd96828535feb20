//! `List[T]`, `Dict[K, V]` and `Set[T]`: only a Python `list`, `dict` or `set` (or a `matx.List`, `matx.Dict`, `matx.Set`) converts (a tuple is not a list), with aliasing and cycles kept.

use super::{into_py, ConvError, FromCx, FromPyValue, IntoCx, IntoPyValue};
use matx::{Any, Dict, List, PyValue, Set};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PySet};
use std::hash::Hash;

/// `ob` as `T` (`List[..]`, `Dict[..]` or `Set[..]`) when it is a `matx.List`, `matx.Dict` or
/// `matx.Set` (`class`): its runtime container itself when that is a `T` (`List[Any]`,
/// `Dict[Any, Any]`, `Set[Any]`: a script's changes are seen by the caller), else its builtin
/// copy converted item by item, exactly as a Python `list`/`dict`/`set` converts. Anything
/// else is a type mismatch.
fn from_matx<T: FromPyValue + Clone>(
    ob: &Bound<'_, PyAny>,
    cx: &mut FromCx,
    class: &str,
) -> Result<T, ConvError> {
    let copy = match crate::containers::runtime_value(ob) {
        Some(v)
            if matches!(
                (class, &v),
                ("List", Any::List(_)) | ("Dict", Any::Dict(_)) | ("Set", Any::Set(_))
            ) =>
        {
            let same: Option<&T> = match &v {
                Any::List(l) => (l as &dyn std::any::Any).downcast_ref(),
                Any::Dict(d) => (d as &dyn std::any::Any).downcast_ref(),
                Any::Set(s) => (s as &dyn std::any::Any).downcast_ref(),
                _ => None,
            };
            if let Some(same) = same {
                return Ok(same.clone());
            }
            if let Some(done) = cx.lookup::<T>(ob) {
                return Ok(done);
            }
            into_py(ob.py(), &v).map_err(ConvError::py)?
        }
        Some(_) => return Err(ConvError::mismatch::<T>(ob)),
        None => match crate::containers::foreign_copy(ob, Some(class)) {
            Some(copy) => copy.map_err(ConvError::py)?,
            None => return Err(ConvError::mismatch::<T>(ob)),
        },
    };
    let v = T::from_py(&copy, cx)?;
    // The same matx object twice in one argument converts to one shared value.
    cx.register(ob, v.clone());
    Ok(v)
}

impl<T: FromPyValue + Clone> FromPyValue for List<T> {
    fn type_name(out: &mut String) {
        out.push_str("List[");
        T::type_name(out);
        out.push(']');
    }
    fn from_py(ob: &Bound<'_, PyAny>, cx: &mut FromCx) -> Result<Self, ConvError> {
        let Ok(list) = ob.cast::<PyList>() else {
            return from_matx(ob, cx, "List");
        };
        if let Some(v) = cx.lookup::<Self>(ob) {
            return Ok(v);
        }
        // Registered before the items convert, so a list that contains itself terminates.
        let placeholder = List::<T>::new();
        cx.register(ob, placeholder.clone());
        cx.enter()?;
        let mut items = Vec::with_capacity(list.len());
        for (i, item) in list.iter().enumerate() {
            match T::from_py(&item, cx) {
                Ok(v) => items.push(v),
                Err(e) => return Err(e.at_index(i)),
            }
        }
        cx.leave();
        if cx.was_used::<Self>(ob) {
            // A cycle handed the placeholder out: fill it in place.
            placeholder
                .extend(List::from_vec(items))
                .map_err(ConvError::matx)?;
            Ok(placeholder)
        } else {
            let out = List::from_vec(items);
            cx.register(ob, out.clone());
            Ok(out)
        }
    }
}

impl<K, V> FromPyValue for Dict<K, V>
where
    K: FromPyValue + Clone + Hash + Eq + PyValue,
    V: FromPyValue + Clone,
{
    fn type_name(out: &mut String) {
        out.push_str("Dict[");
        K::type_name(out);
        out.push_str(", ");
        V::type_name(out);
        out.push(']');
    }
    fn from_py(ob: &Bound<'_, PyAny>, cx: &mut FromCx) -> Result<Self, ConvError> {
        let Ok(dict) = ob.cast::<PyDict>() else {
            return from_matx(ob, cx, "Dict");
        };
        if let Some(v) = cx.lookup::<Self>(ob) {
            return Ok(v);
        }
        let placeholder = Dict::<K, V>::new();
        cx.register(ob, placeholder.clone());
        cx.enter()?;
        let mut pairs = Vec::with_capacity(dict.len());
        for (k, v) in dict.iter() {
            let key = K::from_py(&k, cx).map_err(ConvError::at_key)?;
            let value = V::from_py(&v, cx).map_err(|e| e.at_value(&k))?;
            pairs.push((key, value));
        }
        cx.leave();
        if cx.was_used::<Self>(ob) {
            for (k, v) in pairs {
                placeholder.set_item(k, v).map_err(ConvError::matx)?;
            }
            Ok(placeholder)
        } else {
            let out = Dict::from_pairs(pairs);
            cx.register(ob, out.clone());
            Ok(out)
        }
    }
}

/// A `set` (a `frozenset` is refused: scripts have no frozenset). Sets hold only hashable
/// values, so they can be in no cycle; aliasing is kept as for lists.
impl<T> FromPyValue for Set<T>
where
    T: FromPyValue + Clone + Hash + Eq + PyValue,
{
    fn type_name(out: &mut String) {
        out.push_str("Set[");
        T::type_name(out);
        out.push(']');
    }
    fn from_py(ob: &Bound<'_, PyAny>, cx: &mut FromCx) -> Result<Self, ConvError> {
        let Ok(set) = ob.cast::<PySet>() else {
            return from_matx(ob, cx, "Set");
        };
        if let Some(v) = cx.lookup::<Self>(ob) {
            return Ok(v);
        }
        cx.enter()?;
        let mut items = Vec::with_capacity(set.len());
        for item in set.iter() {
            items.push(T::from_py(&item, cx).map_err(ConvError::at_element)?);
        }
        cx.leave();
        let out = Set::from_vec(items).map_err(ConvError::matx)?;
        cx.register(ob, out.clone());
        Ok(out)
    }
}

impl<T: IntoPyValue + Clone + 'static> IntoPyValue for List<T> {
    fn to_py<'py>(&self, cx: &mut IntoCx<'py>) -> PyResult<Bound<'py, PyAny>> {
        if let Some(o) = cx.lookup(self.addr()) {
            return Ok(o);
        }
        if T::LEAF {
            // No item can lead back to this list: convert them all under one read lock and
            // make the list at its size (`PyList_New(n)`), not by appending.
            let items = self.with_read(|items| {
                items
                    .iter()
                    .map(|x| x.to_py_elem(cx))
                    .collect::<PyResult<Vec<_>>>()
            })?;
            let out = PyList::new(cx.py(), items)?;
            cx.register(self.addr(), out.as_any(), Box::new(self.clone()));
            return Ok(out.into_any());
        }
        let out = PyList::empty(cx.py());
        cx.register(self.addr(), out.as_any(), Box::new(self.clone()));
        cx.enter()?;
        for x in self.to_vec() {
            out.append(x.to_py(cx)?)?;
        }
        cx.leave();
        Ok(out.into_any())
    }
}

impl<K, V> IntoPyValue for Dict<K, V>
where
    K: IntoPyValue + Clone + Hash + Eq + 'static,
    V: IntoPyValue + Clone + 'static,
{
    fn to_py<'py>(&self, cx: &mut IntoCx<'py>) -> PyResult<Bound<'py, PyAny>> {
        if let Some(o) = cx.lookup(self.addr()) {
            return Ok(o);
        }
        let out = PyDict::new(cx.py());
        cx.register(self.addr(), out.as_any(), Box::new(self.clone()));
        cx.enter()?;
        for (k, v) in self.to_pairs() {
            out.set_item(k.to_py(cx)?, v.to_py(cx)?)?;
        }
        cx.leave();
        Ok(out.into_any())
    }
}

impl<T: IntoPyValue + matx::PyValue + Hash + Eq> IntoPyValue for Set<T> {
    fn to_py<'py>(&self, cx: &mut IntoCx<'py>) -> PyResult<Bound<'py, PyAny>> {
        let out = PySet::empty(cx.py())?;
        cx.enter()?;
        for x in self.to_vec() {
            out.add(x.to_py(cx)?)?;
        }
        cx.leave();
        Ok(out.into_any())
    }
}
