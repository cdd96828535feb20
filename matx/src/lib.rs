//! matx runtime: the values compiled scripts compute with (Python-faithful `str`, containers shared by reference, exceptions), their builtins, and the `matx_script!` macro.
//!
//! ```
//! matx::matx_script! {
//! def greet(name: str) -> str:
//!     return "hello " + name.upper()
//! }
//! assert_eq!(greet(matx::Str::from("ada")).unwrap().as_str(), "hello ADA");
//! ```

// Generated code names `::matx::…`; this lets the runtime use generated code too.
extern crate self as matx;

pub mod builtins;
pub mod error;
pub mod fmt;
pub mod math;
pub mod ndarray;
pub mod ops;
pub mod pipeline;
pub mod registry;
pub mod resource;
#[doc(hidden)]
pub mod rt;
pub mod stdlib;
pub mod text;
pub mod value;

pub use error::{err, exc, Error, ExcType, Result};
#[doc(hidden)]
pub use matx_macros::__collect_ops;
pub use matx_macros::{matx_script, op, register_ops};
pub use ndarray::{DType, NDArray};
pub use pipeline::{Device, Session};
pub use registry::{Op, OpRegistry};
pub use resource::Resource;
pub use value::{
    repr, to_str, Any, Bytes, Dict, List, ListReader, LocalDict, LocalList, PyOrd, PyValue, Set,
    Str,
};

/// Items generated code needs that are not part of the public API.
#[doc(hidden)]
pub mod __private {
    pub use parking_lot::RwLock;
}

pub use value::{from_any_error, CmpOp, DynObject, FromAny, PyIterable, PyLen, Range, ToAny};
