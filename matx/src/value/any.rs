//! `Any`: a dynamically typed value with run-time dispatch (MATXScript's RTValue).

/// A dynamically typed script value.
#[derive(Clone, Debug, Default)]
pub enum Any {
    #[default]
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(crate::Str),
}
