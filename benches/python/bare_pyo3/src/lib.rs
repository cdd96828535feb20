//! The call-overhead baseline of the Python benchmark: a bare PyO3 `f(x) = x + 1`, no matx.

use pyo3::prelude::*;

/// `f(x) = x + 1`, as a hand-written PyO3 function.
#[pyfunction]
fn f(x: i64) -> i64 {
    x + 1
}

#[pymodule]
fn bare_pyo3(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(f, m)?)
}
