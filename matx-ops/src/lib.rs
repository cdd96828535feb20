//! The matx op library: text, vision and model ops callable from scripts, registered by name, and bound to Python.
//!
//! Every op here is a `#[matx::op]`: a script lists it in `matx_script!(file = ..., ops =
//! [matx_ops::text::Vocabulary])` and imports it by name; a host registers them with
//! [`register_all`].

pub mod text;
pub mod vision;

/// Registers every op of this crate.
pub fn register_all(reg: &mut matx::OpRegistry) -> matx::Result<()> {
    matx::register_ops!(reg, text::Vocabulary, text::wordpiece_tokenize)?;
    vision::register(reg)
}
