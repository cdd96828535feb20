//! The `matx` Python package's native part: the extension module `matx._matx`, and the conversions, exceptions and GIL helper that generated bindings call.
//!
//! A generated binding for `def f(words: List[str]) -> int` is, in essence:
//!
//! ```ignore
//! #[pyo3::pyfunction]
//! fn f(py: Python<'_>, words: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
//!     let words: matx::List<matx::Str> = matx_py::extract_arg(words, "words")?;
//!     let r = matx_py::call_nogil(py, move || script::f(words))?;
//!     Ok(matx_py::into_py(py, &r)?.unbind())
//! }
//! ```

mod containers;
pub mod convert;
pub mod errors;
mod gil;
mod ndarray;
pub mod pipeline;
#[cfg(feature = "module")]
mod testing;

pub use convert::{
    append_stub, class_from_py, extract_arg, into_py, register_class, type_name, ConvError, FromCx,
    FromPyValue, IntoCx, IntoPyValue, PyClassValue, PyOpClass,
};
pub use errors::{panic_to_pyerr, to_pyerr};
pub use gil::{call, call_nogil};
/// The pyo3 generated bindings are compiled against.
pub use pyo3;

/// Declares a Python extension module holding the functions and classes of one or more
/// scripts (modules containing a `matx_script!`), compiled with the crate's `python` feature,
/// and optionally `#[matx::op]` functions and types (whose crates need the `python` feature
/// too):
///
/// ```ignore
/// mod text2ids { matx::matx_script!(file = "text2ids.py"); }
/// #[cfg(feature = "python")]
/// matx_py::module!(text2ids_py: text2ids);
/// // or, with ops:
/// matx_py::module!(text2ids_py: text2ids; ops: crate::ops::shout, crate::ops::Counter);
/// ```
#[macro_export]
macro_rules! module {
    ($name:ident : $($script:ident),+ $(,)?) => {
        $crate::module!($name: $($script),+ ; ops:);
    };
    ($name:ident : $($script:ident),* ; ops: $($($op:ident)::+),* $(,)?) => {
        #[::matx_py::pyo3::pymodule]
        #[pyo3(crate = "::matx_py::pyo3")]
        fn $name(m: &::matx_py::pyo3::Bound<'_, ::matx_py::pyo3::types::PyModule>) -> ::matx_py::pyo3::PyResult<()> {
            $( $script::__matx_python::register(m)?; )*
            $( $($op)::+::__matx_py_register(m)?; )*
            // The ops of this module, by name, for the pipelines it runs.
            {
                let mut reg = ::matx::registry::global().write();
                $( $script::__matx_register_ops(&mut reg).map_err(::matx_py::to_pyerr)?; )*
                $( $($op)::+::__matx_register(&mut reg).map_err(::matx_py::to_pyerr)?; )*
            }
            ::matx_py::pipeline::register(m)?;
            ::std::result::Result::Ok(())
        }
    };
}

#[cfg(feature = "module")]
use pyo3::prelude::*;

/// `matx._matx`: the extension module; `matx/__init__.py` re-exports what users need. Only
/// with the `module` feature (the `matx` wheel), so user extension modules that link this
/// crate for its conversions do not also export `PyInit__matx` and the test helpers.
#[cfg(feature = "module")]
#[pymodule]
#[pyo3(name = "_matx")]
fn matx_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    containers::register(m)?;
    pipeline::register(m)?;
    ndarray::register(m)?;
    testing::register(m)
}
