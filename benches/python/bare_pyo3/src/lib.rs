//! Hand-written PyO3 baselines of the Python benchmark (no matx): `f(x) = x + 1` for the call
//! overhead, and a `Text2Ids` class for the floor of the Text2Ids benchmark.

use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use std::collections::HashMap;
use std::ffi::c_char;

/// `f(x) = x + 1`, as a hand-written PyO3 function.
#[pyfunction]
fn f(x: i64) -> i64 {
    x + 1
}

/// Text2Ids by hand: words borrowed from the Python strings (no copy), one `HashMap` lookup
/// each, the ids written straight into a new Python list; the GIL is held throughout.
#[pyclass]
struct Text2Ids {
    vocab: HashMap<String, i64>,
    unk: i64,
}

// In the stable ABI since Python 3.10 (pyo3's `abi3-py39` hides it): the UTF-8 form CPython
// caches on the string object, which for an ASCII string is its own data.
unsafe extern "C" {
    fn PyUnicode_AsUTF8AndSize(
        s: *mut pyo3::ffi::PyObject,
        size: *mut pyo3::ffi::Py_ssize_t,
    ) -> *const c_char;
}

fn borrowed_utf8<'a>(s: &'a Bound<'_, PyString>) -> PyResult<&'a [u8]> {
    let mut n: pyo3::ffi::Py_ssize_t = 0;
    // SAFETY: `s` is a live str; the buffer lives as long as `s`.
    let p = unsafe { PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut n) };
    if p.is_null() {
        return Err(PyErr::fetch(s.py()));
    }
    // SAFETY: CPython returned `n` valid bytes at `p`.
    Ok(unsafe { std::slice::from_raw_parts(p.cast::<u8>(), n as usize) })
}

#[pymethods]
impl Text2Ids {
    #[new]
    fn new(words: Vec<String>) -> Self {
        let unk = words.len() as i64 - 1;
        let vocab = words
            .into_iter()
            .enumerate()
            .map(|(i, w)| (w, i as i64))
            .collect();
        Text2Ids { vocab, unk }
    }

    /// Each word through `PyString::to_cow` (under `abi3-py39`: a new bytes object per word).
    fn __call__<'py>(&self, words: &Bound<'py, PyList>) -> PyResult<Bound<'py, PyList>> {
        let mut ids = Vec::with_capacity(words.len());
        for w in words.iter() {
            let w = w.cast_into::<PyString>()?;
            ids.push(*self.vocab.get(&*w.to_cow()?).unwrap_or(&self.unk));
        }
        PyList::new(words.py(), ids)
    }

    /// Each word borrowed through `PyUnicode_AsUTF8AndSize` (what `abi3-py310` allows).
    fn call_borrowed<'py>(&self, words: &Bound<'py, PyList>) -> PyResult<Bound<'py, PyList>> {
        let mut ids = Vec::with_capacity(words.len());
        for w in words.iter() {
            let w = w.cast_into::<PyString>()?;
            let key = std::str::from_utf8(borrowed_utf8(&w)?)
                .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
            ids.push(*self.vocab.get(key).unwrap_or(&self.unk));
        }
        PyList::new(words.py(), ids)
    }
}

#[pymodule]
fn bare_pyo3(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(f, m)?)?;
    m.add_class::<Text2Ids>()
}
