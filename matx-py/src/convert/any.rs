//! `Any`: whatever a Python value is, recursively (bool stays bool, int stays int, tuples stay tuples), and back.

use super::scalars::int_value;
use super::tuples::{slice_to_tuple, tuple_items};
use super::{ConvError, FromCx, FromPyValue, IntoCx, IntoPyValue};
use matx::{Any, Bytes, Dict, List, Set, Str};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PySet, PyString, PyTuple};

/// What `Any` can hold, for the error when a value is none of it.
const ANY_TYPES: &str =
    "Any (None, bool, int, float, str, bytes, list, tuple, dict, set, an array or a compiled object)";

impl FromPyValue for Any {
    fn type_name(out: &mut String) {
        out.push_str("Any");
    }
    fn from_py(ob: &Bound<'_, PyAny>, cx: &mut FromCx) -> Result<Self, ConvError> {
        if ob.is_none() {
            return Ok(Any::None);
        }
        // bool before int: bool is a subclass of int and must stay a bool.
        if let Ok(b) = ob.cast::<PyBool>() {
            return Ok(Any::Bool(b.is_true()));
        }
        if ob.is_instance_of::<PyInt>() {
            return Ok(Any::Int(int_value(ob)?));
        }
        if let Ok(f) = ob.cast::<PyFloat>() {
            return Ok(Any::Float(f.value()));
        }
        if ob.is_instance_of::<PyString>() {
            return Ok(Any::Str(Str::from_py(ob, cx)?));
        }
        if ob.is_instance_of::<PyBytes>() {
            return Ok(Any::Bytes(Bytes::from_py(ob, cx)?));
        }
        if ob.is_instance_of::<PyList>() {
            return Ok(Any::List(List::<Any>::from_py(ob, cx)?));
        }
        if let Ok(t) = ob.cast::<PyTuple>() {
            return Ok(Any::tuple(tuple_items::<Any>(t, cx)?));
        }
        if ob.is_instance_of::<PyDict>() {
            return Ok(Any::Dict(Dict::<Any, Any>::from_py(ob, cx)?));
        }
        if ob.is_instance_of::<PySet>() {
            return Ok(Any::Set(Set::<Any>::from_py(ob, cx)?));
        }
        // A matx.List/Dict/Set: its runtime container itself (a script's append is seen).
        if let Some(v) = crate::containers::runtime_value(ob) {
            return Ok(v);
        }
        if let Some(v) = super::objects::object_from_py(ob, cx) {
            return Ok(v);
        }
        // A numpy array or torch tensor: an `NDArray` viewing its memory (no copy).
        if let Some(a) = crate::ndarray::foreign_array(ob).map_err(ConvError::py)? {
            return Ok(Any::object(a));
        }
        if let Some(copy) = crate::containers::foreign_copy(ob, None) {
            let copy = copy.map_err(ConvError::py)?;
            cx.enter()?;
            let v = Any::from_py(&copy, cx)?;
            cx.leave();
            return Ok(v);
        }
        Err(ConvError::expected(ANY_TYPES.to_string(), ob))
    }
}

impl IntoPyValue for Any {
    fn to_py<'py>(&self, cx: &mut IntoCx<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Any::None => ().to_py(cx),
            Any::Bool(b) => b.to_py(cx),
            Any::Int(i) => i.to_py(cx),
            Any::Float(f) => f.to_py(cx),
            Any::Str(s) => s.to_py(cx),
            Any::Bytes(b) => b.to_py(cx),
            Any::List(l) => l.to_py(cx),
            Any::Dict(d) => d.to_py(cx),
            Any::Set(s) => s.to_py(cx),
            Any::Tuple(t) => slice_to_tuple(t, cx),
            Any::Object(o) => match super::objects::object_to_py(o.as_any(), cx) {
                Some(r) => r,
                None => Err(PyTypeError::new_err(format!(
                    "a compiled object of type '{}' cannot be passed to Python: its script's \
                     Python bindings are not registered in any imported module",
                    matx::PyValue::py_type_name(self)
                ))),
            },
        }
    }
}
