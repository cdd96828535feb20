//! Saved pipelines: load a pipeline directory (`pipeline.json`, format in PIPELINES.md) into a [`Session`] and run it, with no Python.
//!
//! A host registers the ops the pipeline uses (a Python module does it on import; a Rust
//! host with `matx::register_ops!` or a script's `__matx_register_ops`), loads the
//! directory once, and runs it from as many threads as it likes:
//!
//! ```ignore
//! use matx::pipeline::{Device, Session};
//! use matx::{Any, Str};
//!
//! text2ids::script::__matx_register_ops(&mut matx::registry::global().write())?;
//! let session = Session::load("/srv/text2ids", Device::parse("cpu")?)?;
//! assert_eq!(session.inputs(), &[("texts".to_string(), "str".to_string())]);
//! let outputs = session.run(&[("texts", Any::Str(Str::from("hello world")))])?;
//! println!("{}", matx::repr(&outputs[0])?);
//! // Hosts without Rust values (the CLI, the C API) speak plain JSON:
//! let json = session.run_json(r#"{"texts": "hello world"}"#)?; // "[[0, 1]]"
//! ```
//!
//! - [`Graph`] is the checked document ([`Graph::load`] reads one without making
//!   anything, so a host can first load the [`Library::native_path`]s it names);
//!   [`Session::from_graph`] resolves its ops and makes its objects.
//! - Loading fails with one of the exception classes of [`errors`] (damaged file, unknown
//!   version, missing op, missing resource, unsafe path); a run with a bad feed raises
//!   [`errors::FeedError`], and an op's own exception comes out as raised.
//! - [`json_to_any`] and [`any_to_json`] convert plain JSON; [`encode_value`] and
//!   [`decode_value`] the typed values of `pipeline.json`.

pub mod capi;
mod device;
mod document;
pub mod errors;
mod format;
mod json;
pub(crate) mod paths;
mod session;
mod value;

pub use device::Device;
pub use format::{
    type_name_of, BinOp, Edge, Graph, Input, InputType, Library, Node, NodeKind, ObjectDef, Ref,
    Resource, Source, Target, FILE_NAME, FORMAT, MAX_DOCUMENT_BYTES, VERSION, VERSIONS,
};
pub use json::{any_to_json, json_text_to_any, json_to_any};
pub use session::Session;
pub use value::{decode_value, encode_value, Value};
