//! `str.format(*args, **kwargs)`: a port of CPython's `unicode_format.h` (markup iterator, field parsing, auto numbering, nested specs).
//!
//! Attribute and index access inside a field (`{0.real}`, `{0[1]}`) cannot be
//! evaluated on a [`FormatArg`]; such fields raise `NotImplementedError`
//! after the argument itself was looked up (so a missing argument still gives
//! CPython's `IndexError`/`KeyError`). The compiler can reject them earlier
//! for literal templates.

use super::{ascii_escape, FormatArg};
use crate::error::{exc, Error};
use crate::value::repr_str;
use crate::{Result, Str};

fn value_error(msg: impl Into<String>) -> Error {
    Error::new(&exc::ValueError, msg)
}

/// CPython's `AutoNumber`: whether fields are numbered `{}` or `{0}`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum AutoState {
    Init,
    Auto,
    Manual,
}

struct Formatter<'a, 'b> {
    template: &'a str,
    args: &'a [&'b dyn FormatArg],
    kwargs: &'a [(&'a str, &'b dyn FormatArg)],
    state: AutoState,
    next_auto: usize,
}

/// `template.format(*args, **kwargs)`.
///
/// ```
/// use matx::fmt::{str_format, FormatArg};
/// let args: [&dyn FormatArg; 2] = [&3.14159f64, &8i64];
/// let out = str_format("[{:>{}.3f}] {x!r}", &args, &[("x", &matx::Str::new("hi"))]).unwrap();
/// assert_eq!(out.as_str(), "[   3.142] 'hi'");
/// ```
pub fn str_format(
    template: &str,
    args: &[&dyn FormatArg],
    kwargs: &[(&str, &dyn FormatArg)],
) -> Result<Str> {
    let mut f = Formatter {
        template,
        args,
        kwargs,
        state: AutoState::Init,
        next_auto: 0,
    };
    let mut out = String::with_capacity(template.len() + 16);
    let end = template.len();
    f.build(0, end, 2, &mut out)?;
    Ok(Str::from(out))
}

/// A parsed replacement field: positions into the template.
struct Field {
    name: (usize, usize),
    conversion: Option<char>,
    spec: (usize, usize),
    spec_needs_expanding: bool,
}

impl<'b> Formatter<'_, 'b> {
    /// `build_string` over `template[start..end]` (byte offsets; every
    /// character the parser looks for is ASCII, so scanning bytes is exact).
    fn build(&mut self, start: usize, end: usize, depth: i32, out: &mut String) -> Result<()> {
        if depth <= 0 {
            return Err(value_error("Max string recursion exceeded"));
        }
        let bytes = self.template.as_bytes();
        let mut pos = start;
        while pos < end {
            // The literal text up to the first '{' or '}'.
            let lit_start = pos;
            let mut c = 0u8;
            let mut markup = false;
            while pos < end {
                c = bytes[pos];
                pos += 1;
                if c == b'{' || c == b'}' {
                    markup = true;
                    break;
                }
            }
            let at_end = pos >= end;
            let mut lit_end = pos;
            if c == b'}' && markup && (at_end || bytes[pos] != b'}') {
                return Err(value_error("Single '}' encountered in format string"));
            }
            if at_end && c == b'{' && markup {
                return Err(value_error("Single '{' encountered in format string"));
            }
            if !at_end && markup {
                if bytes[pos] == c {
                    // An escaped brace: keep one, no field follows.
                    pos += 1;
                    markup = false;
                } else {
                    lit_end -= 1;
                }
            }
            out.push_str(&self.template[lit_start..lit_end]);
            if markup {
                let field = self.parse_field(&mut pos, end)?;
                self.output_markup(&field, depth, out)?;
            }
        }
        Ok(())
    }

    /// `parse_field`: the field name, conversion and spec after a `{`.
    fn parse_field(&self, pos: &mut usize, end: usize) -> Result<Field> {
        let bytes = self.template.as_bytes();
        let name_start = *pos;
        let mut c = 0u8;
        while *pos < end {
            c = bytes[*pos];
            *pos += 1;
            match c {
                b'{' => return Err(value_error("unexpected '{' in field name")),
                b'[' => {
                    while *pos < end && bytes[*pos] != b']' {
                        *pos += 1;
                    }
                    continue;
                }
                b'}' | b':' | b'!' => break,
                _ => continue,
            }
        }
        let mut field = Field {
            name: (name_start, pos.saturating_sub(1).max(name_start)),
            conversion: None,
            spec: (0, 0),
            spec_needs_expanding: false,
        };
        if c == b'!' || c == b':' {
            if c == b'!' {
                if *pos >= end {
                    return Err(value_error(
                        "end of string while looking for conversion specifier",
                    ));
                }
                let conv = self.template[*pos..].chars().next().unwrap_or('\0');
                field.conversion = Some(conv);
                *pos += conv.len_utf8();
                if *pos < end {
                    let c2 = bytes[*pos];
                    *pos += 1;
                    if c2 == b'}' {
                        return Ok(field);
                    }
                    if c2 != b':' {
                        return Err(value_error("expected ':' after conversion specifier"));
                    }
                }
            }
            let spec_start = *pos;
            let mut count = 1;
            while *pos < end {
                let c = bytes[*pos];
                *pos += 1;
                if c == b'{' {
                    field.spec_needs_expanding = true;
                    count += 1;
                } else if c == b'}' {
                    count -= 1;
                    if count == 0 {
                        field.spec = (spec_start, *pos - 1);
                        return Ok(field);
                    }
                }
            }
            return Err(value_error("unmatched '{' in format spec"));
        }
        if c != b'}' {
            return Err(value_error("expected '}' before end of string"));
        }
        Ok(field)
    }

    /// `output_markup`: look the argument up, convert, expand the spec, format.
    fn output_markup(&mut self, field: &Field, depth: i32, out: &mut String) -> Result<()> {
        let arg = self.get_field(field.name)?;
        let mut converted: Option<String> = None;
        if let Some(conv) = field.conversion {
            let mut s = String::new();
            match conv {
                'r' => arg.fmt_repr(&mut s)?,
                's' => arg.fmt_str(&mut s)?,
                'a' => {
                    arg.fmt_repr(&mut s)?;
                    s = ascii_escape(&s);
                }
                c => {
                    let shown = if (c as u32) > 32 && (c as u32) < 127 {
                        c.to_string()
                    } else {
                        format!("\\x{:x}", c as u32)
                    };
                    return Err(value_error(format!("Unknown conversion specifier {shown}")));
                }
            }
            converted = Some(s);
        }
        let expanded;
        let spec: &str = if field.spec_needs_expanding {
            let mut s = String::new();
            self.build(field.spec.0, field.spec.1, depth - 1, &mut s)?;
            expanded = s;
            &expanded
        } else {
            &self.template[field.spec.0..field.spec.1]
        };
        match converted {
            Some(s) => super::spec::format_str(&s, spec, out),
            None => arg.fmt_spec(spec, out),
        }
    }

    /// `get_field_object`: `{}`, `{0}` or `{name}`.
    fn get_field(&mut self, (start, end): (usize, usize)) -> Result<&'b dyn FormatArg> {
        let name = &self.template[start..end];
        let first_len = name.find(['.', '[']).unwrap_or(name.len());
        let (first, rest) = name.split_at(first_len);
        let index = field_index(first)?;
        let empty = first.is_empty();
        if empty || index.is_some() {
            if self.state == AutoState::Init {
                self.state = if empty {
                    AutoState::Auto
                } else {
                    AutoState::Manual
                };
            }
            match (self.state, empty) {
                (AutoState::Manual, true) => return Err(value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                )),
                (AutoState::Auto, false) => return Err(value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                )),
                _ => {}
            }
        }
        let arg: &'b dyn FormatArg = match (empty, index) {
            (true, _) | (false, Some(_)) => {
                let i = if empty {
                    self.next_auto += 1;
                    self.next_auto - 1
                } else {
                    index.unwrap_or(0)
                };
                *self.args.get(i).ok_or_else(|| {
                    Error::new(
                        &exc::IndexError,
                        format!("Replacement index {i} out of range for positional args tuple"),
                    )
                })?
            }
            (false, None) => match self.kwargs.iter().find(|(k, _)| *k == first) {
                Some((_, v)) => *v,
                None => return Err(Error::with_repr_arg(&exc::KeyError, repr_str(first))),
            },
        };
        if !rest.is_empty() {
            let whole = name;
            return Err(Error::new(
                &exc::NotImplementedError,
                format!(
                    "attribute or index access in a format field ('{{{whole}}}') is not supported by matx; format the value itself"
                ),
            ));
        }
        Ok(arg)
    }
}

/// A field name made only of decimal digits, as a positional index.
fn field_index(first: &str) -> Result<Option<usize>> {
    if first.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in first.chars() {
        let Some(d) = c.to_digit(10) else {
            return Ok(None);
        };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|a| *a <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(acc))
}
