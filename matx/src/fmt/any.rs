//! [`Any`] as a formatting value: `format`, `%` and `str.format` dispatch on what it holds.

use super::{format_generic, FormatArg, PyFormat};
use crate::value::{Any, PyValue};
use crate::Result;

impl PyFormat for Any {
    fn py_format(&self, spec: &str, out: &mut String) -> Result<()> {
        match self {
            Any::Bool(b) => b.py_format(spec, out),
            Any::Int(i) => i.py_format(spec, out),
            Any::Float(f) => f.py_format(spec, out),
            Any::Str(s) => s.py_format(spec, out),
            _ => format_generic(self, spec, out),
        }
    }
}

impl FormatArg for Any {
    fn fmt_spec(&self, spec: &str, out: &mut String) -> Result<()> {
        self.py_format(spec, out)
    }
    fn fmt_str(&self, out: &mut String) -> Result<()> {
        self.py_str(out)
    }
    fn fmt_repr(&self, out: &mut String) -> Result<()> {
        self.py_repr(out)
    }
    fn as_int(&self) -> Option<i64> {
        match self {
            Any::Bool(b) => Some(i64::from(*b)),
            Any::Int(i) => Some(*i),
            _ => None,
        }
    }
    fn as_float(&self) -> Option<f64> {
        match self {
            Any::Bool(b) => Some(f64::from(u8::from(*b))),
            Any::Int(i) => Some(*i as f64),
            Any::Float(f) => Some(*f),
            _ => None,
        }
    }
    fn is_str(&self) -> bool {
        matches!(self, Any::Str(_))
    }
    fn type_name(&self) -> &'static str {
        self.py_type_name()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fmt::{percent_format, str_format};
    use crate::Str;

    #[test]
    fn any_dispatches_on_its_value() {
        let vals = [
            Any::Int(255),
            Any::Float(0.5),
            Any::Bool(true),
            Any::Str(Str::new("é")),
            Any::None,
        ];
        let args: Vec<&dyn FormatArg> = vals.iter().map(|v| v as &dyn FormatArg).collect();
        let got = percent_format("%x %.1f %d %s %s", &args).map(|s| s.as_str().to_string());
        assert_eq!(got.ok().as_deref(), Some("ff 0.5 1 é None"));
        let got =
            str_format("{:#x}|{:%}|{:>3}|{!a}|{}", &args, &[]).map(|s| s.as_str().to_string());
        assert_eq!(
            got.ok().as_deref(),
            Some("0xff|50.000000%|  1|'\\xe9'|None")
        );
        let mut out = String::new();
        let e = Any::None
            .py_format("x", &mut out)
            .err()
            .map(|e| e.message().to_string());
        assert_eq!(
            e.as_deref(),
            Some("unsupported format string passed to NoneType.__format__")
        );
    }
}
