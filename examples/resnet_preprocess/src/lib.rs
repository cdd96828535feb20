//! The ResNet preprocessing example: `resnet_preprocess.py` compiled by `matx_script!` over the vision ops; the same code runs from Rust (`src/main.rs`), from Python (the `python` feature: module `resnet_preprocess`) and from a saved pipeline.

/// The compiled script: the `ResnetPreprocess` class.
pub mod script {
    matx::matx_script!(
        file = "resnet_preprocess.py",
        ops = [
            matx_ops::vision::decode,
            matx_ops::vision::resize,
            matx_ops::vision::center_crop,
            matx_ops::vision::random_resized_crop,
            matx_ops::vision::random_flip,
            matx_ops::vision::transpose_normalize,
            matx_ops::vision::stack,
        ]
    );
}

/// Registers this crate's ops: the script's class and the vision ops it calls.
pub fn register_ops(reg: &mut matx::OpRegistry) -> matx::Result<()> {
    script::__matx_register_ops(reg)
}

#[cfg(feature = "python")]
matx_py::module!(resnet_preprocess: script);

// The C API: a host without Python loads a saved pipeline with this library's ops.
matx::export_c_api!(register = crate::register_ops);
