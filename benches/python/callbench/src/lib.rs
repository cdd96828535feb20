//! Python benchmark crate: `callbench.py` (`def f(x: int) -> int: return x + 1`, and two
//! conversion probes) compiled by `matx_script!`, exposed to Python as the module `callbench`.

/// The compiled script: `f`.
pub mod script {
    matx::matx_script!(file = "callbench.py");
}

#[cfg(feature = "python")]
matx_py::module!(callbench: script);
