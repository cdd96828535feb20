//! Python formatting: float repr, the format-spec mini-language, `%`-formatting and `str.format`.
//!
//! Every function here reproduces CPython 3.11 byte for byte, errors
//! included:
//!
//! - [`float_repr`]: `repr(float)` / `str(float)`;
//! - [`PyFormat`]: `format(v, spec)` and f-string `{v:spec}`;
//! - [`percent_format`]: `template % args`;
//! - [`str_format`]: `template.format(*args, **kwargs)`;
//! - [`ascii_repr`] / [`ascii_escape`]: `ascii()` and the `!a` conversion.
//!
//! Dynamic arguments (to `%` and `str.format`) are passed as
//! `&[&dyn FormatArg]`; the runtime implements [`FormatArg`] for `i64`, `f64`,
//! `bool`, [`Str`] and `()`, and any other script value goes through
//! [`Generic`].

mod any;
mod float_repr;
mod format_str;
mod percent;
mod spec;

pub use float_repr::float_repr;
pub use format_str::str_format;
pub use percent::percent_format;

use crate::error::{exc, Error};
use crate::value::{repr_str, PyValue, Str};
use crate::Result;

/// `format(value, spec)`: the value's `__format__`.
pub trait PyFormat {
    /// Appends `format(self, spec)` to `out`.
    fn py_format(&self, spec: &str, out: &mut String) -> Result<()>;
}

impl PyFormat for i64 {
    fn py_format(&self, spec: &str, out: &mut String) -> Result<()> {
        if spec.is_empty() {
            out.push_str(&self.to_string());
            return Ok(());
        }
        spec::format_int(*self, spec, "int", out)
    }
}

impl PyFormat for bool {
    fn py_format(&self, spec: &str, out: &mut String) -> Result<()> {
        if spec.is_empty() {
            out.push_str(if *self { "True" } else { "False" });
            return Ok(());
        }
        spec::format_int(i64::from(*self), spec, "bool", out)
    }
}

impl PyFormat for f64 {
    fn py_format(&self, spec: &str, out: &mut String) -> Result<()> {
        spec::format_float(*self, spec, out)
    }
}

impl PyFormat for Str {
    fn py_format(&self, spec: &str, out: &mut String) -> Result<()> {
        spec::format_str(self.as_str(), spec, out)
    }
}

impl PyFormat for str {
    fn py_format(&self, spec: &str, out: &mut String) -> Result<()> {
        spec::format_str(self, spec, out)
    }
}

impl PyFormat for () {
    fn py_format(&self, spec: &str, out: &mut String) -> Result<()> {
        format_generic(self, spec, out)
    }
}

impl<T: PyFormat + ?Sized> PyFormat for &T {
    fn py_format(&self, spec: &str, out: &mut String) -> Result<()> {
        (**self).py_format(spec, out)
    }
}

/// `format(v, spec)` for a value with no `__format__` of its own
/// (`object.__format__`): `str(v)` for an empty spec, else CPython's
/// `TypeError: unsupported format string passed to list.__format__`.
pub fn format_generic<T: PyValue>(v: &T, spec: &str, out: &mut String) -> Result<()> {
    if spec.is_empty() {
        return v.py_str(out);
    }
    Err(Error::new(
        &exc::TypeError,
        format!(
            "unsupported format string passed to {}.__format__",
            v.py_type_name()
        ),
    ))
}

/// `format(v, spec)` as a new [`Str`] (the `format` builtin).
pub fn format<T: PyFormat + ?Sized>(v: &T, spec: &str) -> Result<Str> {
    let mut out = String::new();
    v.py_format(spec, &mut out)?;
    Ok(Str::from(out))
}

/// A dynamically typed argument of `%`-formatting and `str.format`.
pub trait FormatArg {
    /// Appends `format(self, spec)`.
    fn fmt_spec(&self, spec: &str, out: &mut String) -> Result<()>;
    /// Appends `str(self)`.
    fn fmt_str(&self, out: &mut String) -> Result<()>;
    /// Appends `repr(self)`.
    fn fmt_repr(&self, out: &mut String) -> Result<()>;
    /// The value as an int when it is one (`int` or `bool`).
    fn as_int(&self) -> Option<i64> {
        None
    }
    /// The value as a float when it converts to one (`float`, `int`, `bool`).
    fn as_float(&self) -> Option<f64> {
        None
    }
    /// Whether the value is a `str`.
    fn is_str(&self) -> bool {
        false
    }
    /// The Python type name (`'int'`, `'str'`, …) used in messages.
    fn type_name(&self) -> &'static str;
}

impl FormatArg for i64 {
    fn fmt_spec(&self, spec: &str, out: &mut String) -> Result<()> {
        self.py_format(spec, out)
    }
    fn fmt_str(&self, out: &mut String) -> Result<()> {
        out.push_str(&self.to_string());
        Ok(())
    }
    fn fmt_repr(&self, out: &mut String) -> Result<()> {
        self.fmt_str(out)
    }
    fn as_int(&self) -> Option<i64> {
        Some(*self)
    }
    fn as_float(&self) -> Option<f64> {
        Some(*self as f64)
    }
    fn type_name(&self) -> &'static str {
        "int"
    }
}

impl FormatArg for bool {
    fn fmt_spec(&self, spec: &str, out: &mut String) -> Result<()> {
        self.py_format(spec, out)
    }
    fn fmt_str(&self, out: &mut String) -> Result<()> {
        out.push_str(if *self { "True" } else { "False" });
        Ok(())
    }
    fn fmt_repr(&self, out: &mut String) -> Result<()> {
        self.fmt_str(out)
    }
    fn as_int(&self) -> Option<i64> {
        Some(i64::from(*self))
    }
    fn as_float(&self) -> Option<f64> {
        Some(f64::from(u8::from(*self)))
    }
    fn type_name(&self) -> &'static str {
        "bool"
    }
}

impl FormatArg for f64 {
    fn fmt_spec(&self, spec: &str, out: &mut String) -> Result<()> {
        self.py_format(spec, out)
    }
    fn fmt_str(&self, out: &mut String) -> Result<()> {
        out.push_str(&float_repr(*self));
        Ok(())
    }
    fn fmt_repr(&self, out: &mut String) -> Result<()> {
        self.fmt_str(out)
    }
    fn as_float(&self) -> Option<f64> {
        Some(*self)
    }
    fn type_name(&self) -> &'static str {
        "float"
    }
}

impl FormatArg for Str {
    fn fmt_spec(&self, spec: &str, out: &mut String) -> Result<()> {
        self.py_format(spec, out)
    }
    fn fmt_str(&self, out: &mut String) -> Result<()> {
        out.push_str(self.as_str());
        Ok(())
    }
    fn fmt_repr(&self, out: &mut String) -> Result<()> {
        out.push_str(&repr_str(self.as_str()));
        Ok(())
    }
    fn is_str(&self) -> bool {
        true
    }
    fn type_name(&self) -> &'static str {
        "str"
    }
}

impl FormatArg for () {
    fn fmt_spec(&self, spec: &str, out: &mut String) -> Result<()> {
        self.py_format(spec, out)
    }
    fn fmt_str(&self, out: &mut String) -> Result<()> {
        out.push_str("None");
        Ok(())
    }
    fn fmt_repr(&self, out: &mut String) -> Result<()> {
        self.fmt_str(out)
    }
    fn type_name(&self) -> &'static str {
        "NoneType"
    }
}

/// Any other script value as a [`FormatArg`]: `str`/`repr` through
/// [`PyValue`], `format` through [`format_generic`]; never a number.
pub struct Generic<'a, T: PyValue>(pub &'a T);

impl<T: PyValue> FormatArg for Generic<'_, T> {
    fn fmt_spec(&self, spec: &str, out: &mut String) -> Result<()> {
        format_generic(self.0, spec, out)
    }
    fn fmt_str(&self, out: &mut String) -> Result<()> {
        self.0.py_str(out)
    }
    fn fmt_repr(&self, out: &mut String) -> Result<()> {
        self.0.py_repr(out)
    }
    fn type_name(&self) -> &'static str {
        self.0.py_type_name()
    }
}

impl<T: PyValue> PyFormat for Generic<'_, T> {
    fn py_format(&self, spec: &str, out: &mut String) -> Result<()> {
        format_generic(self.0, spec, out)
    }
}

/// Escapes every non-ASCII character of `text` as `\xNN`, `\uNNNN` or
/// `\UNNNNNNNN` (the `backslashreplace` step of `ascii()`): `ascii(v)` is
/// `ascii_escape(repr(v))`.
pub fn ascii_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c);
        } else if u < 0x100 {
            out.push_str(&format!("\\x{u:02x}"));
        } else if u < 0x10000 {
            out.push_str(&format!("\\u{u:04x}"));
        } else {
            out.push_str(&format!("\\U{u:08x}"));
        }
    }
    out
}

/// `ascii(s)` of a str: its repr with every non-ASCII character escaped.
///
/// ```
/// assert_eq!(matx::fmt::ascii_repr("é\u{1F600}'"), r#""\xe9\U0001f600'""#);
/// ```
pub fn ascii_repr(s: &str) -> String {
    ascii_escape(&crate::value::repr_str(s))
}

#[cfg(test)]
mod tests {
    //! matx-specific behaviour; CPython parity is tested in `tests/fmt_cpython.rs`.
    use super::*;

    fn fails(r: Result<Str>, kind: &str, msg: &str) {
        match r {
            Ok(s) => panic!("expected {kind}: {msg}, got {:?}", s.as_str()),
            Err(e) => {
                assert_eq!(e.kind().name, kind);
                assert_eq!(e.message(), msg);
            }
        }
    }

    #[test]
    fn generic_values() {
        let none = ();
        let g = Generic(&none);
        assert_eq!(
            format(&g, "").map(|s| s.as_str().to_string()).ok(),
            Some("None".into())
        );
        fails(
            format(&g, ">5"),
            "TypeError",
            "unsupported format string passed to NoneType.__format__",
        );
        let args: [&dyn FormatArg; 2] = [&g, &g];
        assert_eq!(
            percent_format("%s|%r", &args)
                .map(|s| s.as_str().to_string())
                .ok(),
            Some("None|None".into())
        );
        fails(
            percent_format("%d", &args[..1]),
            "TypeError",
            "%d format: a real number is required, not NoneType",
        );
        assert_eq!(
            str_format("{!a:>6}", &args[..1], &[])
                .map(|s| s.as_str().to_string())
                .ok(),
            Some("  None".into())
        );
    }

    #[test]
    fn unsupported_forms_are_clear_errors() {
        let one: [&dyn FormatArg; 1] = [&1i64];
        fails(str_format("{0.real}", &one, &[]), "NotImplementedError",
            "attribute or index access in a format field ('{0.real}') is not supported by matx; format the value itself");
        fails(str_format("{0[0]}", &one, &[]), "NotImplementedError",
            "attribute or index access in a format field ('{0[0]}') is not supported by matx; format the value itself");
        // The argument is looked up first, as in CPython.
        fails(
            str_format("{1.real}", &one, &[]),
            "IndexError",
            "Replacement index 1 out of range for positional args tuple",
        );
        fails(
            percent_format("%(name)s", &one),
            "TypeError",
            "format requires a mapping",
        );
        fails(
            percent_format("%c", &[&0xD800i64]),
            "ValueError",
            "matx cannot represent the lone surrogate U+D800 in a str",
        );
        fails(percent_format("%99999999999d", &one), "MemoryError", "");
        fails(format(&1i64, "9999999999999"), "MemoryError", "");
    }

    #[test]
    fn traits_through_references() {
        let s = Str::new("ab");
        let r: &Str = &s;
        assert_eq!(
            format(&r, "^4").map(|s| s.as_str().to_string()).ok(),
            Some(" ab ".into())
        );
        assert_eq!(
            format("xy", ">3").map(|s| s.as_str().to_string()).ok(),
            Some(" xy".into())
        );
        assert_eq!(ascii_escape("[1, 'é']"), "[1, '\\xe9']");
    }
}
