//! The main example: `text2ids.py` compiled by `matx_script!`; the same code runs from Rust
//! (`src/main.rs`) and, with the `python` feature, from Python as the module `text2ids`.

/// The compiled script: `Text2Ids__new`, the `Text2Ids` class, `main`.
pub mod script {
    matx::matx_script!(file = "text2ids.py");
}

/// The pipeline's other steps (`tokenize`, and `FileText2Ids` over the `text.Vocabulary` op).
pub mod pipeline {
    matx::matx_script!(file = "pipeline.py", ops = [matx_ops::text::Vocabulary]);
}

/// Registers every op of this crate: its scripts' functions and classes, and the ops they use.
pub fn register_ops(reg: &mut matx::OpRegistry) -> matx::Result<()> {
    script::__matx_register_ops(reg)?;
    pipeline::__matx_register_ops(reg)
}

// The extension module, in one line.
#[cfg(feature = "python")]
matx_py::module!(text2ids: script, pipeline; ops: matx_ops::text::Vocabulary);

// The C API (`include/matx.h`): a host without Python loads a saved pipeline with this
// library's ops (`cargo build -p text2ids` gives `libtext2ids.so`).
matx::export_c_api!(register = crate::register_ops);
