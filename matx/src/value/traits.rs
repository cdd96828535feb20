//! The traits every script value implements: repr/str, equality, truth, ordering.

use crate::Result;

/// A value a script can hold. Implemented by the runtime for the builtin
/// types and by generated code for user classes.
pub trait PyValue: Clone + Send + Sync + 'static {
    /// Appends `repr(self)` to `out`.
    fn py_repr(&self, out: &mut String) -> Result<()>;
    /// Appends `str(self)` to `out`.
    fn py_str(&self, out: &mut String) -> Result<()> {
        self.py_repr(out)
    }
    /// `self == other` (CPython's rules: nan != nan, 1 == 1.0, containers compare element-wise).
    fn py_eq(&self, other: &Self) -> Result<bool>;
    /// `bool(self)`.
    fn py_bool(&self) -> Result<bool>;
    /// The Python type name used in messages (`'int'`, `'list'`, the class name).
    fn py_type_name(&self) -> &'static str;
}

/// Values with Python's ordering (`<`, `sorted`, `min`).
pub trait PyOrd: PyValue {
    /// `self < other`; a `TypeError` where CPython raises one.
    fn py_lt(&self, other: &Self) -> Result<bool>;
    /// `self <= other`.
    fn py_le(&self, other: &Self) -> Result<bool>;
}

/// `repr(v)` as a String.
pub fn repr<T: PyValue>(v: &T) -> Result<String> {
    let mut s = String::new();
    v.py_repr(&mut s)?;
    Ok(s)
}

/// `str(v)` as a String.
pub fn to_str<T: PyValue>(v: &T) -> Result<String> {
    let mut s = String::new();
    v.py_str(&mut s)?;
    Ok(s)
}
