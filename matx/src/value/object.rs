//! `DynObject`: the object-safe face of a script value stored in `Any` (compiled classes, ops).

use crate::value::traits::PyValue;
use crate::Result;

/// A value stored behind `Any::Object`. Every [`PyValue`] is a `DynObject`
/// through the blanket impl, so compiled classes only implement `PyValue`.
pub trait DynObject: Send + Sync + 'static {
    /// The Python type name (`'Vocabulary'`).
    fn dyn_type_name(&self) -> &'static str;
    /// Appends `repr(self)`.
    fn dyn_repr(&self, out: &mut String) -> Result<()>;
    /// Appends `str(self)`.
    fn dyn_str(&self, out: &mut String) -> Result<()>;
    /// `self == other` (false when `other` has another Rust type).
    fn dyn_eq(&self, other: &dyn DynObject) -> Result<bool>;
    /// `bool(self)`.
    fn dyn_bool(&self) -> Result<bool>;
    /// `hash(self)`.
    fn dyn_hash(&self) -> Result<i64>;
    /// For downcasting to the concrete type.
    fn as_any(&self) -> &dyn std::any::Any;
    /// `self.name(*args, **kwargs)` (see [`PyValue::py_call_method`]).
    fn dyn_call_method(
        &self,
        name: &str,
        args: Vec<crate::Any>,
        kwargs: Vec<(crate::Str, crate::Any)>,
    ) -> Result<crate::Any>;
    /// `self.name`.
    fn dyn_getattr(&self, name: &str) -> Result<crate::Any>;
    /// `self.name = value`.
    fn dyn_setattr(&self, name: &str, value: crate::Any) -> Result<()>;
}

impl<T: PyValue> DynObject for T {
    fn dyn_type_name(&self) -> &'static str {
        self.py_type_name()
    }
    fn dyn_repr(&self, out: &mut String) -> Result<()> {
        self.py_repr(out)
    }
    fn dyn_str(&self, out: &mut String) -> Result<()> {
        self.py_str(out)
    }
    fn dyn_eq(&self, other: &dyn DynObject) -> Result<bool> {
        match other.as_any().downcast_ref::<T>() {
            Some(o) => self.py_eq(o),
            None => Ok(false),
        }
    }
    fn dyn_bool(&self) -> Result<bool> {
        self.py_bool()
    }
    fn dyn_hash(&self) -> Result<i64> {
        self.py_hash()
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn dyn_call_method(
        &self,
        name: &str,
        args: Vec<crate::Any>,
        kwargs: Vec<(crate::Str, crate::Any)>,
    ) -> Result<crate::Any> {
        self.py_call_method(name, args, kwargs)
    }
    fn dyn_getattr(&self, name: &str) -> Result<crate::Any> {
        self.py_getattr(name)
    }
    fn dyn_setattr(&self, name: &str, value: crate::Any) -> Result<()> {
        self.py_setattr(name, value)
    }
}
