//! The exception classes a pipeline raises when it cannot be loaded or fed, each deriving from the builtin class a Python caller would catch.

use crate::error::{exc, Error, ExcType};

/// `pipeline.json` is not JSON, is truncated, or does not have the documented shape.
#[allow(non_upper_case_globals)]
pub static PipelineFormatError: ExcType = ExcType {
    name: "PipelineFormatError",
    base: Some(&exc::ValueError),
};

/// `pipeline.json` is of another `format`, or of a `version` this matx does not read.
#[allow(non_upper_case_globals)]
pub static PipelineVersionError: ExcType = ExcType {
    name: "PipelineVersionError",
    base: Some(&exc::ValueError),
};

/// An op the pipeline needs (a function, a class, or a method of a class) is not
/// registered in this host.
#[allow(non_upper_case_globals)]
pub static OpNotFoundError: ExcType = ExcType {
    name: "OpNotFoundError",
    base: Some(&exc::LookupError),
};

/// A resource file (or native library) named by `pipeline.json` is not in the directory.
#[allow(non_upper_case_globals)]
pub static ResourceNotFoundError: ExcType = ExcType {
    name: "ResourceNotFoundError",
    base: Some(&exc::FileNotFoundError),
};

/// A path in `pipeline.json` would leave the pipeline directory (absolute, `..`, or a
/// symbolic link that resolves outside it).
#[allow(non_upper_case_globals)]
pub static UnsafePathError: ExcType = ExcType {
    name: "UnsafePathError",
    base: Some(&exc::ValueError),
};

/// A run was given a missing input, an input the pipeline does not have, or a value of
/// the wrong type.
#[allow(non_upper_case_globals)]
pub static FeedError: ExcType = ExcType {
    name: "FeedError",
    base: Some(&exc::TypeError),
};

/// All the pipeline exception classes, for bindings that declare them (`matx-py`).
pub static ALL: [&ExcType; 6] = [
    &PipelineFormatError,
    &PipelineVersionError,
    &OpNotFoundError,
    &ResourceNotFoundError,
    &UnsafePathError,
    &FeedError,
];

pub(crate) fn format_error(file: &str, msg: impl std::fmt::Display) -> Error {
    Error::new(&PipelineFormatError, format!("{file}: {msg}"))
}

pub(crate) fn feed_error(msg: impl Into<String>) -> Error {
    Error::new(&FeedError, msg)
}
