//! Objects of `#[matx::op]` types crossing into and out of Python: each op type's generated Python class implements [`PyOpClass`], and these blanket impls do the rest.

use super::{class_from_py, ConvError, FromCx, FromPyValue, IntoCx, IntoPyValue, PyClassValue};
use matx::registry::{Op, OpClass};
use pyo3::prelude::*;
use pyo3::types::PyModule;

/// An op type with a Python class (implemented by `#[matx::op]` under the `python` feature).
pub trait PyOpClass: OpClass + Sized {
    /// A new Python object of the op's class holding `op`.
    fn wrap<'py>(py: Python<'py>, op: Op<Self>) -> PyResult<Bound<'py, PyAny>>;
    /// The op object inside `ob`, when `ob` is of exactly this op's Python class.
    fn unwrap(ob: &Bound<'_, PyAny>) -> Option<Op<Self>>;
}

impl<T: PyOpClass> IntoPyValue for Op<T> {
    fn to_py<'py>(&self, cx: &mut IntoCx<'py>) -> PyResult<Bound<'py, PyAny>> {
        T::wrap(cx.py(), self.clone())
    }
}

impl<T: PyOpClass> PyClassValue for Op<T> {
    fn from_exact(ob: &Bound<'_, PyAny>) -> Option<Self> {
        T::unwrap(ob)
    }
}

impl<T: PyOpClass> FromPyValue for Op<T> {
    fn type_name(out: &mut String) {
        out.push_str(T::OP_NAME);
    }
    fn from_py(ob: &Bound<'_, PyAny>, cx: &mut FromCx) -> Result<Self, ConvError> {
        class_from_py::<Self>(ob, cx).ok_or_else(|| ConvError::mismatch::<Self>(ob))
    }
}

/// Appends `text` to the module's `__matx_stub__` (the `.pyi` text `matx.stubgen` writes), a
/// blank line after what is there.
pub fn append_stub(m: &Bound<'_, PyModule>, text: &str) -> PyResult<()> {
    let prev: String = match m.getattr("__matx_stub__") {
        Ok(s) => s.extract()?,
        Err(_) => String::new(),
    };
    // A blank line between the parts of several scripts and ops.
    let sep = if prev.is_empty() || prev.ends_with("\n\n") {
        ""
    } else {
        "\n"
    };
    m.setattr("__matx_stub__", prev + sep + text)
}
