//! `int`, `float`, `bool`, `None`, `str` and `bytes`: only the exact Python type converts (`bool` is not an `int` here, so `True` stays `True`).

use super::{ConvError, FromCx, FromPyValue, IntoCx, IntoPyValue};
use matx::{Bytes, Str};
use pyo3::exceptions::PyOverflowError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyFloat, PyInt, PyNone, PyString};

/// `int` (and its subclasses other than `bool`); beyond 64 bits is an `OverflowError`.
///
/// `bool` is refused: a script's `int` parameter given `True` would print `1` where
/// CPython prints `True`.
impl FromPyValue for i64 {
    fn type_name(out: &mut String) {
        out.push_str("int");
    }
    fn from_py(ob: &Bound<'_, PyAny>, _cx: &mut FromCx) -> Result<Self, ConvError> {
        if !ob.is_instance_of::<PyInt>() || ob.is_instance_of::<PyBool>() {
            return Err(ConvError::mismatch::<Self>(ob));
        }
        int_value(ob)
    }
}

pub(super) fn int_value(ob: &Bound<'_, PyAny>) -> Result<i64, ConvError> {
    ob.extract::<i64>().map_err(|e| {
        if e.is_instance_of::<PyOverflowError>(ob.py()) {
            ConvError::overflow()
        } else {
            ConvError::py(e)
        }
    })
}

/// `float` only: CPython would keep an `int` passed for a `float` parameter an int (it
/// would print `1`, not `1.0`), which a compiled `f64` cannot, so it is refused like the
/// compiler refuses it in scripts (`bool` likewise).
impl FromPyValue for f64 {
    fn type_name(out: &mut String) {
        out.push_str("float");
    }
    fn from_py(ob: &Bound<'_, PyAny>, _cx: &mut FromCx) -> Result<Self, ConvError> {
        match ob.cast::<PyFloat>() {
            Ok(f) => Ok(f.value()),
            Err(_) => Err(ConvError::mismatch::<Self>(ob)),
        }
    }
}

impl FromPyValue for bool {
    fn type_name(out: &mut String) {
        out.push_str("bool");
    }
    fn from_py(ob: &Bound<'_, PyAny>, _cx: &mut FromCx) -> Result<Self, ConvError> {
        match ob.cast::<PyBool>() {
            Ok(b) => Ok(b.is_true()),
            Err(_) => Err(ConvError::mismatch::<Self>(ob)),
        }
    }
}

/// `None`.
impl FromPyValue for () {
    fn type_name(out: &mut String) {
        out.push_str("None");
    }
    fn from_py(ob: &Bound<'_, PyAny>, _cx: &mut FromCx) -> Result<Self, ConvError> {
        if ob.is_none() {
            Ok(())
        } else {
            Err(ConvError::mismatch::<Self>(ob))
        }
    }
}

/// `str` (a lone surrogate, which UTF-8 cannot hold, is a `UnicodeEncodeError`).
impl FromPyValue for Str {
    fn type_name(out: &mut String) {
        out.push_str("str");
    }
    fn from_py(ob: &Bound<'_, PyAny>, _cx: &mut FromCx) -> Result<Self, ConvError> {
        match ob.cast::<PyString>() {
            Ok(s) => match s.to_str() {
                Ok(c) => Ok(Str::new(c)),
                Err(e) => Err(ConvError::py(e)),
            },
            Err(_) => Err(ConvError::mismatch::<Self>(ob)),
        }
    }
}

/// `bytes` only (not `bytearray` or `memoryview`, which a script would see as other types).
impl FromPyValue for Bytes {
    fn type_name(out: &mut String) {
        out.push_str("bytes");
    }
    fn from_py(ob: &Bound<'_, PyAny>, _cx: &mut FromCx) -> Result<Self, ConvError> {
        match ob.cast::<PyBytes>() {
            Ok(b) => Ok(Bytes::new(b.as_bytes())),
            Err(_) => Err(ConvError::mismatch::<Self>(ob)),
        }
    }
}

/// `Optional[T]`: `None` or a `T`.
impl<T: FromPyValue> FromPyValue for Option<T> {
    fn type_name(out: &mut String) {
        out.push_str("Optional[");
        T::type_name(out);
        out.push(']');
    }
    fn from_py(ob: &Bound<'_, PyAny>, cx: &mut FromCx) -> Result<Self, ConvError> {
        if ob.is_none() {
            return Ok(None);
        }
        match T::from_py(ob, cx) {
            Ok(v) => Ok(Some(v)),
            // A mismatch of the value itself names the whole Optional type.
            Err(e) if e.is_top_level_mismatch() => Err(ConvError::mismatch::<Self>(ob)),
            Err(e) => Err(e),
        }
    }
}

impl IntoPyValue for i64 {
    const LEAF: bool = true;
    fn to_py<'py>(&self, cx: &mut IntoCx<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyInt::new(cx.py(), *self).into_any())
    }
    fn to_py_elem<'py>(&self, cx: &mut IntoCx<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(super::ints::int(cx.py(), *self))
    }
}

impl IntoPyValue for f64 {
    const LEAF: bool = true;
    fn to_py<'py>(&self, cx: &mut IntoCx<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyFloat::new(cx.py(), *self).into_any())
    }
}

impl IntoPyValue for bool {
    const LEAF: bool = true;
    fn to_py<'py>(&self, cx: &mut IntoCx<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyBool::new(cx.py(), *self).to_owned().into_any())
    }
}

impl IntoPyValue for () {
    const LEAF: bool = true;
    fn to_py<'py>(&self, cx: &mut IntoCx<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyNone::get(cx.py()).to_owned().into_any())
    }
}

impl IntoPyValue for Str {
    const LEAF: bool = true;
    fn to_py<'py>(&self, cx: &mut IntoCx<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(cx.py(), self.as_str()).into_any())
    }
}

impl IntoPyValue for Bytes {
    const LEAF: bool = true;
    fn to_py<'py>(&self, cx: &mut IntoCx<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyBytes::new(cx.py(), self.as_bytes()).into_any())
    }
}

impl<T: IntoPyValue> IntoPyValue for Option<T> {
    const LEAF: bool = T::LEAF;
    fn to_py<'py>(&self, cx: &mut IntoCx<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            None => ().to_py(cx),
            Some(v) => v.to_py(cx),
        }
    }
}

/// A file an op reads: a `str` or an `os.PathLike` whose `os.fspath` is a `str`, used as
/// given (a Python caller is the host: [`matx::Resource::from_arg`] outside a pipeline).
impl FromPyValue for matx::Resource {
    fn type_name(out: &mut String) {
        out.push_str("str or os.PathLike");
    }
    fn from_py(ob: &Bound<'_, PyAny>, _cx: &mut FromCx) -> Result<Self, ConvError> {
        let path = if ob.is_instance_of::<PyString>() {
            ob.clone()
        } else if ob.hasattr("__fspath__").map_err(ConvError::py)? {
            let os = ob.py().import("os").map_err(ConvError::py)?;
            os.call_method1("fspath", (ob,)).map_err(ConvError::py)?
        } else {
            return Err(ConvError::mismatch::<Self>(ob));
        };
        match path.cast::<PyString>() {
            Ok(s) => {
                let s = s.to_str().map_err(ConvError::py)?;
                matx::Resource::from_arg(s).map_err(ConvError::matx)
            }
            Err(_) => Err(ConvError::mismatch::<Self>(ob)),
        }
    }
}
