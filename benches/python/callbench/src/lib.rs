//! Python benchmark crate: `callbench.py` (`def f(x: int) -> int: return x + 1`) compiled by
//! `matx_script!` and exposed to Python as the module `callbench`, to time the call overhead.

/// The compiled script: `f`.
pub mod script {
    matx::matx_script!(file = "callbench.py");
}

#[cfg(feature = "python")]
matx_py::module!(callbench: script);
