//! The main example: `text2ids.py` compiled by `matx_script!`; the same code runs from Rust
//! (`src/main.rs`) and, with the `python` feature, from Python as the module `text2ids`.

/// The compiled script: `Text2Ids__new`, the `Text2Ids` class, `main`.
pub mod script {
    matx::matx_script!(file = "text2ids.py");
}

// The extension module, in one line.
#[cfg(feature = "python")]
matx_py::module!(text2ids: script);
