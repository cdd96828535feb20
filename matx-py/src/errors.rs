//! Runtime errors and Rust panics as Python exceptions of the `matx` hierarchy (declared once, in `python/matx/_errors.py`, and shared by every compiled module).

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyList;

/// `matx._errors`, imported once.
static ERRORS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

fn errors_module(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    ERRORS
        .get_or_try_init(py, || py.import("matx._errors").map(Bound::unbind))
        .map(|m| m.bind(py))
}

/// `e`'s argument list as written in `repr(e)` (`'a'` for `KeyError('a')`), if it has one.
fn arg_repr(e: &matx::Error) -> Option<String> {
    let r = e.repr();
    let inner = r
        .strip_prefix(e.kind().name)?
        .strip_prefix('(')?
        .strip_suffix(')')?;
    (!inner.is_empty()).then(|| inner.to_string())
}

/// The Python exception for a runtime error: the `matx` class of its kind (an instance of
/// both `matx.Error` and the builtin), `str(e)` the runtime's message with the script file
/// and line appended (`bad value (at text2ids.py:12)`), and `e.script_file`,
/// `e.script_line`, `e.kind` set. A script's own exception class arrives as the nearest
/// builtin it derives from, its name in the message and in `e.kind`.
pub fn to_pyerr(e: matx::Error) -> PyErr {
    Python::attach(|py| match build(py, &e) {
        Ok(err) => err,
        // Without the matx package (a bare extension module): the nearest builtin class of
        // the error's kind, same text.
        Err(_) => builtin_err(py, &e),
    })
}

/// `e` as the builtin exception of its kind (or of the nearest kind the builtins have).
fn builtin_err(py: Python<'_>, e: &matx::Error) -> PyErr {
    let text = match e.location() {
        Some((f, l)) => format!("{} (at {f}:{l})", e.message()),
        None => e.message().to_string(),
    };
    let builtins = py.import("builtins");
    let mut kind = Some(e.kind());
    while let Some(k) = kind {
        if let Ok(cls) = builtins
            .as_ref()
            .map_err(|_| ())
            .and_then(|b| b.getattr(k.name).map_err(|_| ()))
        {
            if let Ok(inst) = cls.call1((text.as_str(),)) {
                if inst.is_instance_of::<pyo3::exceptions::PyBaseException>() {
                    return PyErr::from_value(inst);
                }
            }
        }
        kind = k.base;
    }
    PyRuntimeError::new_err(text)
}

fn build(py: Python<'_>, e: &matx::Error) -> PyResult<PyErr> {
    let mut chain = Vec::new();
    let mut kind = Some(e.kind());
    while let Some(k) = kind {
        chain.push(k.name);
        kind = k.base;
    }
    let (file, line) = match e.location() {
        Some((f, l)) => (Some(f), Some(l)),
        None => (None, None),
    };
    let inst = errors_module(py)?.getattr("_from_matx")?.call1((
        PyList::new(py, chain)?,
        e.message(),
        arg_repr(e),
        file,
        line,
    ))?;
    Ok(PyErr::from_value(inst))
}

/// The Python exception for a caught Rust panic: `matx.InternalError` (a `RuntimeError`),
/// with the panic's message and, when this thread's `call`/`call_nogil` caught it, where in
/// the Rust source it happened.
pub fn panic_to_pyerr(payload: Box<dyn std::any::Any + Send>) -> PyErr {
    let what = if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "(no message)".to_string()
    };
    let at = crate::gil::take_panic_location()
        .map(|l| format!(" (at {l})"))
        .unwrap_or_default();
    let msg = format!("a Rust panic inside matx (a bug, please report it): {what}{at}");
    Python::attach(|py| {
        match errors_module(py).and_then(|m| m.getattr("InternalError")?.call1((msg.as_str(),))) {
            Ok(inst) => PyErr::from_value(inst),
            Err(_) => PyRuntimeError::new_err(msg),
        }
    })
}
