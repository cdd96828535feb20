//! `json.dumps`: CPython's encoder, chunk for chunk (separators, indent, key coercion,
//! `sort_keys`, `ensure_ascii`, NaN handling, circular-reference and type errors).

use crate::error::{exc, Error};
use crate::fmt::float_repr;
use crate::value::{Any, PyOrd, PyValue, Str};
use crate::Result;
use std::sync::Arc;

/// The options of `json.dumps` (`indent` already made a string: an int `n` is `n` spaces).
#[derive(Clone)]
pub struct DumpsOptions {
    pub skipkeys: bool,
    pub ensure_ascii: bool,
    pub check_circular: bool,
    pub allow_nan: bool,
    pub indent: Option<String>,
    /// `(item_separator, key_separator)`; None: CPython's default for the indent.
    pub separators: Option<(String, String)>,
    pub sort_keys: bool,
    /// `default=`: called for values json cannot encode.
    pub default: Option<Arc<dyn Fn(Any) -> Result<Any> + Send + Sync>>,
}

impl Default for DumpsOptions {
    fn default() -> Self {
        DumpsOptions {
            skipkeys: false,
            ensure_ascii: true,
            check_circular: true,
            allow_nan: true,
            indent: None,
            separators: None,
            sort_keys: false,
            default: None,
        }
    }
}

impl DumpsOptions {
    /// `indent=n` for an int: `' ' * n` (none for a negative `n`).
    pub fn indent_spaces(n: i64) -> String {
        " ".repeat(n.max(0) as usize)
    }
}

struct Encoder<'a> {
    o: &'a DumpsOptions,
    item_sep: String,
    key_sep: String,
    markers: Vec<usize>,
    out: String,
}

/// `json.dumps(obj, ...)`.
pub fn dumps(obj: &Any, o: &DumpsOptions) -> Result<Str> {
    let (item_sep, key_sep) = match &o.separators {
        Some((i, k)) => (i.clone(), k.clone()),
        None if o.indent.is_some() => (",".to_string(), ": ".to_string()),
        None => (", ".to_string(), ": ".to_string()),
    };
    let mut e = Encoder {
        o,
        item_sep,
        key_sep,
        markers: Vec::new(),
        out: String::new(),
    };
    e.value(obj, 0)?;
    Ok(Str::from(e.out.as_str()))
}

/// `encode_basestring_ascii` / `encode_basestring`.
pub(crate) fn encode_str(s: &str, ensure_ascii: bool, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if ensure_ascii && !(' '..='~').contains(&c) => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl Encoder<'_> {
    /// The C encoder (no indent) and the Python one (indent) word this error differently.
    fn float(&self, f: f64) -> Result<String> {
        let text = if f.is_nan() {
            "NaN"
        } else if f == f64::INFINITY {
            "Infinity"
        } else if f == f64::NEG_INFINITY {
            "-Infinity"
        } else {
            return Ok(float_repr(f));
        };
        if !self.o.allow_nan {
            let mut msg = "Out of range float values are not JSON compliant".to_string();
            if self.o.indent.is_some() {
                msg.push_str(": ");
                msg.push_str(&float_repr(f));
            }
            return Err(Error::new(&exc::ValueError, msg));
        }
        Ok(text.to_string())
    }

    fn enter(&mut self, id: usize) -> Result<()> {
        if self.o.check_circular {
            if self.markers.contains(&id) {
                return Err(Error::new(&exc::ValueError, "Circular reference detected"));
            }
            self.markers.push(id);
        }
        Ok(())
    }

    fn leave(&mut self) {
        if self.o.check_circular {
            self.markers.pop();
        }
    }

    fn newline(&mut self, level: usize) {
        if let Some(ind) = &self.o.indent {
            self.out.push('\n');
            for _ in 0..level {
                self.out.push_str(ind);
            }
        }
    }

    fn value(&mut self, v: &Any, level: usize) -> Result<()> {
        match v {
            Any::Str(s) => encode_str(s.as_str(), self.o.ensure_ascii, &mut self.out),
            Any::None => self.out.push_str("null"),
            Any::Bool(true) => self.out.push_str("true"),
            Any::Bool(false) => self.out.push_str("false"),
            Any::Int(i) => self.out.push_str(&i.to_string()),
            Any::Float(f) => {
                let s = self.float(*f)?;
                self.out.push_str(&s);
            }
            Any::List(l) => {
                let items = l.to_vec();
                self.seq(&items, l.addr(), level)?;
            }
            Any::Tuple(t) => {
                let items = t.to_vec();
                self.seq(&items, t.addr(), level)?;
            }
            Any::Dict(d) => self.dict(d, level)?,
            other => {
                // CPython marks the object while its `default` replacement is encoded.
                let id = match other {
                    Any::Object(o) => Arc::as_ptr(o) as *const () as usize,
                    _ => 0,
                };
                let Some(default) = self.o.default.clone() else {
                    return Err(not_serializable(other));
                };
                self.enter(id)?;
                let replaced = default(other.clone())?;
                self.value(&replaced, level)?;
                self.leave();
            }
        }
        Ok(())
    }

    fn seq(&mut self, items: &[Any], id: usize, level: usize) -> Result<()> {
        if items.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        self.enter(id)?;
        self.out.push('[');
        let inner = level + 1;
        self.newline(inner);
        for (n, x) in items.iter().enumerate() {
            if n > 0 {
                self.out.push_str(&self.item_sep.clone());
                self.newline(inner);
            }
            self.value(x, inner)?;
        }
        self.newline(level);
        self.out.push(']');
        self.leave();
        Ok(())
    }

    fn dict(&mut self, d: &crate::value::Dict<Any, Any>, level: usize) -> Result<()> {
        let mut items = d.to_pairs();
        if items.is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        self.enter(d.addr())?;
        if self.o.sort_keys {
            crate::value::py_sort(&mut items, |a, b| {
                if a.0.py_eq(&b.0)? {
                    a.1.py_lt(&b.1)
                } else {
                    a.0.py_lt(&b.0)
                }
            })?;
        }
        self.out.push('{');
        let inner = level + 1;
        self.newline(inner);
        let mut first = true;
        for (k, v) in items {
            let key = match &k {
                Any::Str(s) => s.as_str().to_string(),
                Any::Float(f) => self.float(*f)?,
                Any::Bool(true) => "true".into(),
                Any::Bool(false) => "false".into(),
                Any::None => "null".into(),
                Any::Int(i) => i.to_string(),
                _ if self.o.skipkeys => continue,
                other => {
                    return Err(Error::new(
                        &exc::TypeError,
                        format!(
                            "keys must be str, int, float, bool or None, not {}",
                            other.py_type_name()
                        ),
                    ))
                }
            };
            if !first {
                self.out.push_str(&self.item_sep.clone());
                self.newline(inner);
            }
            first = false;
            encode_str(&key, self.o.ensure_ascii, &mut self.out);
            self.out.push_str(&self.key_sep.clone());
            self.value(&v, inner)?;
        }
        self.newline(level);
        self.out.push('}');
        self.leave();
        Ok(())
    }
}

fn not_serializable(v: &Any) -> Error {
    Error::new(
        &exc::TypeError,
        format!(
            "Object of type {} is not JSON serializable",
            v.py_type_name()
        ),
    )
}
