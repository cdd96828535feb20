//! The one way bindings run compiled code: optionally with the GIL released, a runtime error raised as its Python exception, a panic caught before it reaches Python.

use crate::errors::{panic_to_pyerr, to_pyerr};
use pyo3::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs `f` with the GIL released (other Python threads run meanwhile). A `matx::Error`
/// becomes its `matx.*` exception; a panic becomes `matx.InternalError`.
///
/// `f` cannot touch Python objects (pyo3 checks this at compile time): convert the
/// arguments first, call, then convert the result.
pub fn call_nogil<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    F: FnOnce() -> matx::Result<T> + Send,
    T: Send,
{
    // AssertUnwindSafe: after a panic nothing of `f` is used again; shared runtime values
    // use parking_lot locks, which are not poisoned.
    finish(py.detach(move || catch_unwind(AssertUnwindSafe(f))))
}

/// Runs `f` holding the GIL (for calls too short to repay releasing it), with the same
/// error and panic handling as [`call_nogil`].
pub fn call<T>(f: impl FnOnce() -> matx::Result<T>) -> PyResult<T> {
    finish(catch_unwind(AssertUnwindSafe(f)))
}

fn finish<T>(r: std::thread::Result<matx::Result<T>>) -> PyResult<T> {
    match r {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(to_pyerr(e)),
        Err(payload) => Err(panic_to_pyerr(payload)),
    }
}
