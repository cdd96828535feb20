//! The one way bindings run compiled code: optionally with the GIL released, a runtime error raised as its Python exception, a panic caught before it reaches Python.

use crate::errors::{panic_to_pyerr, to_pyerr};
use pyo3::prelude::*;
use std::cell::{Cell, RefCell};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// How many `call`/`call_nogil` frames this thread is inside: a panic there becomes an
    /// exception, so printing it to stderr as well would only be noise.
    static CATCHING: Cell<u32> = const { Cell::new(0) };
    /// Where the last caught panic of this thread happened (`file:line:col`).
    static LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs, once per process, a panic hook that stays silent for panics `call`/`call_nogil`
/// will catch (keeping their location for the exception's message) and hands every other
/// panic, and every panic while `RUST_BACKTRACE` asks for traces, to the hook that was there
/// before.
fn quiet_caught_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let caught = CATCHING.with(Cell::get) > 0;
            if caught {
                let at = info
                    .location()
                    .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
                LOCATION.with(|c| *c.borrow_mut() = at);
            }
            let backtrace = std::env::var("RUST_BACKTRACE").is_ok_and(|v| v != "0");
            if !caught || backtrace {
                previous(info);
            }
        }));
    });
}

/// Runs `f` inside `catch_unwind`, counted as a catching frame.
fn catching<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    quiet_caught_panics();
    // One thread-local lookup for both updates (each is a call in a shared library).
    CATCHING.with(|depth| {
        depth.set(depth.get() + 1);
        let r = catch_unwind(AssertUnwindSafe(f));
        depth.set(depth.get() - 1);
        r
    })
}

/// The location of the panic just caught on this thread, if the hook saw it.
pub(crate) fn take_panic_location() -> Option<String> {
    LOCATION.with(|c| c.borrow_mut().take())
}

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
    finish(py.detach(move || catching(f)))
}

/// Runs `f` holding the GIL (for calls too short to repay releasing it), with the same
/// error and panic handling as [`call_nogil`].
pub fn call<T>(f: impl FnOnce() -> matx::Result<T>) -> PyResult<T> {
    finish(catching(f))
}

fn finish<T>(r: std::thread::Result<matx::Result<T>>) -> PyResult<T> {
    match r {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(to_pyerr(e)),
        Err(payload) => Err(panic_to_pyerr(payload)),
    }
}
