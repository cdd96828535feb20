//! Pipelines from Python: the switch and hook through which generated bindings hand traced calls to `matx.pipeline` (the tracer), and the `Session` class each extension module offers for running a graph with its own ops.
//!
//! Every extension module links its own copy of the runtime (and of this crate), so the
//! tracing switch and the op registry exist once per module: `matx.trace` turns on the switch
//! of every loaded matx module (`__matx_set_tracing__`), and a graph runs in the module that
//! registered its ops (`__matx_session__`).

use crate::convert::{extract_arg, into_py};
use crate::gil::{call, call_nogil};
use matx::pipeline::{Device, Graph, Session};
use matx::Any;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether `matx.trace` is running (one switch per extension module).
static TRACING: AtomicBool = AtomicBool::new(false);

/// Whether generated bindings should offer their calls to the tracer.
#[inline]
pub fn tracing() -> bool {
    TRACING.load(Ordering::Relaxed)
}

/// `module.__matx_set_tracing__(on)`.
#[pyfunction]
#[pyo3(name = "__matx_set_tracing__")]
fn set_tracing(on: bool) {
    TRACING.store(on, Ordering::Relaxed);
}

/// Offers a call to the tracer: `Some(traced value)` when an argument is a traced value (the
/// call is recorded, not run), `None` to run it normally. `kind` is `"call"` (a function
/// op, `name` its registered name) or `"method"` (`obj` the receiver).
pub fn trace_call<'py>(
    py: Python<'py>,
    library: &str,
    kind: &str,
    name: &str,
    obj: Option<&Bound<'py, PyAny>>,
    args: &[Option<&Bound<'py, PyAny>>],
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let args = PyList::new(py, args.iter().map(|a| a.cloned()))?;
    let r = py
        .import("matx.pipeline")?
        .getattr("_record")?
        .call1((library, kind, name, obj, args))?;
    Ok(if r.is_none() { None } else { Some(r) })
}

/// The Python module a set of generated bindings was added to (a traced call names it as
/// its library), and their way to the tracer. One per script module or op, as a `static`.
pub struct Library(std::sync::OnceLock<String>);

impl Library {
    pub const fn new() -> Self {
        Library(std::sync::OnceLock::new())
    }
    /// Records the module the bindings are added to (the first one, if several).
    pub fn set(&self, m: &Bound<'_, PyModule>) -> PyResult<()> {
        let _ = self.0.set(m.name()?.to_string());
        Ok(())
    }
    /// The module's name (empty before `set`).
    pub fn name(&self) -> &str {
        self.0.get().map_or("", String::as_str)
    }
    /// While tracing, offers the call to the tracer ([`trace_call`]); otherwise `None` at the
    /// cost of one atomic load, so every generated binding can call it first.
    #[inline]
    pub fn trace<'py>(
        &self,
        py: Python<'py>,
        kind: &str,
        name: &str,
        obj: Option<&Bound<'py, PyAny>>,
        args: &[Option<&Bound<'py, PyAny>>],
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        if !tracing() {
            return Ok(None);
        }
        trace_call(py, self.name(), kind, name, obj, args)
    }
}

impl Default for Library {
    fn default() -> Self {
        Self::new()
    }
}

/// `__reduce__` of a generated class: `(type(obj), saved)`, its constructor's arguments as
/// given, so a worker process rebuilds the object; an object not made by calling its class
/// (returned by compiled code) cannot be pickled.
pub fn reduce_by_args<'py>(
    obj: &Bound<'py, PyAny>,
    saved: Option<&Py<PyTuple>>,
    class: &str,
) -> PyResult<(Bound<'py, pyo3::types::PyType>, Py<PyTuple>)> {
    match saved {
        Some(a) => Ok((obj.get_type(), a.clone_ref(obj.py()))),
        None => Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "cannot pickle '{class}' object: it was not made by calling its class"
        ))),
    }
}

/// A loaded pipeline, run with the ops of the module that made it.
#[pyclass(module = "matx", name = "Session", frozen)]
pub struct PySession(std::sync::Arc<Session>);

#[pymethods]
impl PySession {
    /// The inputs' names and types, in order.
    #[getter]
    fn inputs(&self) -> Vec<(String, String)> {
        self.0.inputs().to_vec()
    }

    /// Runs the graph on `feed` (a dict of input name to value): the single output, or a
    /// tuple of the outputs.
    fn run<'py>(&self, py: Python<'py>, feed: &Bound<'py, PyDict>) -> PyResult<Bound<'py, PyAny>> {
        let mut values: Vec<(String, Any)> = Vec::with_capacity(feed.len());
        for (k, v) in feed.iter() {
            let name: String = k.extract().map_err(|_| {
                pyo3::exceptions::PyTypeError::new_err("feed keys must be input names (str)")
            })?;
            let value: Any = extract_arg(&v, &name)?;
            values.push((name, value));
        }
        let session = std::sync::Arc::clone(&self.0);
        let outs = call_nogil(py, move || {
            let feed: Vec<(&str, Any)> = values
                .iter()
                .map(|(k, v)| (k.as_str(), v.clone()))
                .collect();
            session.run(&feed)
        })?;
        if outs.len() == 1 {
            return into_py(py, &outs[0]);
        }
        let items = outs
            .iter()
            .map(|o| into_py(py, o))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyTuple::new(py, items)?.into_any())
    }
}

/// `module.__matx_session__(dir, json=None, device="cpu")`: the pipeline saved in `dir`
/// (untrusted: its ops read only files inside it), or the graph `json` the tracer made
/// (its ops' paths are the caller's own), run with this module's ops.
#[pyfunction]
#[pyo3(name = "__matx_session__", signature = (dir, json = None, device = "cpu"))]
fn session(py: Python<'_>, dir: String, json: Option<String>, device: &str) -> PyResult<PySession> {
    let device = call(|| Device::parse(device))?;
    let s = call_nogil(py, move || {
        let reg = matx::registry::global().read();
        match json {
            // The tracer's own graph: its ops' paths are the Python caller's.
            Some(text) => Graph::from_json(&text, std::path::Path::new(&dir))
                .and_then(|g| Session::from_graph(g.trust_host_paths(), device, &reg)),
            None => Session::load_with(&dir, device, &reg),
        }
    })?;
    Ok(PySession(std::sync::Arc::new(s)))
}

/// `module.__matx_pipeline_libraries__(dir)`: reads and checks `dir/pipeline.json` as every
/// host does (a regular file inside `dir`, the whole document, its paths), raising the
/// runtime's exception classes, and returns the names of the libraries it declares; nothing
/// is imported or made. `matx.load` calls it first, so a damaged document gives the error
/// `matx run` gives.
#[pyfunction]
#[pyo3(name = "__matx_pipeline_libraries__")]
fn pipeline_libraries(py: Python<'_>, dir: std::path::PathBuf) -> PyResult<Vec<String>> {
    let graph = call_nogil(py, move || Graph::load(&dir))?;
    Ok(graph.libraries.iter().map(|l| l.name.clone()).collect())
}

/// Adds the tracing switch, the session entry and the `Session` class to a module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(set_tracing, m)?)?;
    m.add_function(wrap_pyfunction!(pipeline_libraries, m)?)?;
    m.add_function(wrap_pyfunction!(session, m)?)?;
    m.add_class::<PySession>()
}
