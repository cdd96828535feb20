//! The format-spec mini-language (`format(v, spec)`, f-string `{v:spec}`): a port of CPython's `formatter_unicode.c`.
//!
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`, parsed
//! by [`parse`], then laid out for str ([`format_str`]), int ([`format_int`])
//! and float ([`format_float`]) with CPython's checks, error messages and
//! padding rules (`calc_number_widths`, `fill_number`, and the zero-padded
//! thousands grouping of `_PyUnicode_InsertThousandsGrouping`).

use super::float_repr::{double_to_string, DtoaFlags};
use crate::error::{exc, Error};
use crate::Result;

/// The largest width matx will lay out (2**31 - 1 characters); a larger one
/// raises `MemoryError`, as CPython does once the allocation fails.
pub(crate) const MAX_WIDTH: usize = i32::MAX as usize;

/// Thousands separators requested by the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Grouping {
    None,
    /// `,` every three digits.
    Comma,
    /// `_` every three digits.
    Underscore,
    /// `_` every four digits (`b o x X`).
    UnderFour,
}

/// A parsed format spec (CPython's `InternalFormatSpec`).
#[derive(Clone, Debug)]
pub(crate) struct Spec {
    pub fill: char,
    pub align: char,
    pub sign: Option<char>,
    pub no_neg_0: bool,
    pub alternate: bool,
    pub width: Option<usize>,
    pub grouping: Grouping,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

fn value_error(msg: impl Into<String>) -> Error {
    Error::new(&exc::ValueError, msg)
}

/// `'c'` when printable ASCII, else `'\xNN'` (CPython's `%c`/`\x%x` pair).
fn code_text(c: char) -> String {
    if (c as u32) > 32 && (c as u32) < 128 {
        format!("'{c}'")
    } else {
        format!("'\\x{:x}'", c as u32)
    }
}

/// `ValueError: Unknown format code 'd' for object of type 'float'`.
pub(crate) fn unknown_code(ty: char, type_name: &str) -> Error {
    value_error(format!(
        "Unknown format code {} for object of type '{}'",
        code_text(ty),
        type_name
    ))
}

/// Reads a run of ASCII digits; `Ok(None)` when there is none.
fn get_integer(bytes: &[u8], pos: &mut usize) -> Result<Option<usize>> {
    let start = *pos;
    let mut acc: usize = 0;
    while let Some(d) = bytes.get(*pos).and_then(|c| (*c as char).to_digit(10)) {
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|a| *a <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(acc) })
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// CPython's `parse_internal_render_format_spec`.
pub(crate) fn parse(
    spec: &str,
    default_type: Option<char>,
    default_align: char,
    type_name: &str,
) -> Result<Spec> {
    // `pos` is a byte offset: past the fill character everything the
    // grammar accepts is ASCII, and a stray non-ASCII byte matches nothing.
    let bytes = spec.as_bytes();
    let mut pos = 0;
    let mut s = Spec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: None,
        grouping: Grouping::None,
        precision: None,
        ty: default_type,
    };
    let mut fill_specified = false;
    let mut align_specified = false;
    let mut first_two = spec.chars();
    match (first_two.next(), first_two.next()) {
        (Some(fill), Some(align)) if is_align(align) => {
            s.align = align;
            s.fill = fill;
            fill_specified = true;
            align_specified = true;
            pos = fill.len_utf8() + 1;
        }
        (Some(align), _) if is_align(align) => {
            s.align = align;
            align_specified = true;
            pos = 1;
        }
        _ => {}
    }
    let at = |p: usize| bytes.get(p).map(|b| *b as char);
    if let Some(c @ ('+' | '-' | ' ')) = at(pos) {
        s.sign = Some(c);
        pos += 1;
    }
    if at(pos) == Some('z') {
        s.no_neg_0 = true;
        pos += 1;
    }
    if at(pos) == Some('#') {
        s.alternate = true;
        pos += 1;
    }
    if !fill_specified && at(pos) == Some('0') {
        s.fill = '0';
        if !align_specified && default_align == '>' {
            s.align = '=';
        }
        pos += 1;
    }
    s.width = get_integer(bytes, &mut pos)?;
    if at(pos) == Some(',') {
        s.grouping = Grouping::Comma;
        pos += 1;
    }
    if at(pos) == Some('_') {
        if s.grouping != Grouping::None {
            return Err(value_error("Cannot specify both ',' and '_'."));
        }
        s.grouping = Grouping::Underscore;
        pos += 1;
    }
    if at(pos) == Some(',') && s.grouping == Grouping::Underscore {
        return Err(value_error("Cannot specify both ',' and '_'."));
    }
    if at(pos) == Some('.') {
        pos += 1;
        match get_integer(bytes, &mut pos)? {
            Some(p) => s.precision = Some(p),
            None => return Err(value_error("Format specifier missing precision")),
        }
    }
    let mut rest = spec.get(pos..).unwrap_or("").chars();
    match (rest.next(), rest.next()) {
        (Some(t), None) => s.ty = Some(t),
        (Some(_), Some(_)) => {
            return Err(value_error(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            )))
        }
        _ => {}
    }
    if s.grouping != Grouping::None {
        match s.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if s.grouping == Grouping::Underscore => {
                s.grouping = Grouping::UnderFour;
            }
            Some(t) => {
                let sep = if s.grouping == Grouping::Comma {
                    ','
                } else {
                    '_'
                };
                return Err(value_error(format!(
                    "Cannot specify '{sep}' with {}.",
                    code_text(t)
                )));
            }
        }
    }
    Ok(s)
}

/// Appends `n` copies of `c`.
fn pad(out: &mut String, c: char, n: i64) {
    for _ in 0..n.max(0) {
        out.push(c);
    }
}

fn check_width(spec: &Spec) -> Result<()> {
    if spec.width.is_some_and(|w| w > MAX_WIDTH) {
        return Err(Error::bare(&exc::MemoryError));
    }
    Ok(())
}

/// `format(s, spec)` for a str (CPython's `format_string_internal`).
pub(crate) fn format_str(value: &str, spec: &str, out: &mut String) -> Result<()> {
    if spec.is_empty() {
        out.push_str(value);
        return Ok(());
    }
    let s = parse(spec, Some('s'), '<', "str")?;
    match s.ty {
        Some('s') => {}
        Some(t) => return Err(unknown_code(t, "str")),
        None => {}
    }
    if let Some(sign) = s.sign {
        return Err(value_error(if sign == ' ' {
            "Space not allowed in string format specifier"
        } else {
            "Sign not allowed in string format specifier"
        }));
    }
    if s.no_neg_0 {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if s.alternate {
        return Err(value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if s.align == '=' {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    check_width(&s)?;
    let mut len = value.chars().count();
    let mut text = value;
    if let Some(p) = s.precision {
        if len > p {
            len = p;
            let end = value.char_indices().nth(p).map_or(value.len(), |(i, _)| i);
            text = &value[..end];
        }
    }
    let width = s.width.unwrap_or(0).max(len);
    let total = (width - len) as i64;
    let left = match s.align {
        '>' => total,
        '^' => total / 2,
        _ => 0,
    };
    pad(out, s.fill, left);
    out.push_str(text);
    pad(out, s.fill, total - left);
    Ok(())
}

/// The pieces of a formatted number (CPython's `NumberFieldWidths` inputs).
struct Number<'a> {
    negative: bool,
    /// `0x`, `0o`, `0b` (already upper-cased for `X`).
    prefix: &'a str,
    /// The integer digits, subject to grouping and zero padding.
    digits: &'a str,
    has_decimal: bool,
    /// What follows the decimal point (or the digits): fraction, exponent, `%`, `inf`, the `c` char.
    remainder: &'a str,
}

/// `(group size, separator)` for the spec, or `None` when ungrouped.
fn group_of(spec: &Spec) -> Option<(i64, char)> {
    match spec.grouping {
        Grouping::None => None,
        Grouping::Comma => Some((3, ',')),
        Grouping::Underscore => Some((3, '_')),
        Grouping::UnderFour => Some((4, '_')),
    }
}

/// `_PyUnicode_InsertThousandsGrouping`: the digits with separators, left
/// padded with `0`s (and separators) up to `min_width`.
fn group_digits(digits: &str, min_width: i64, group: Option<(i64, char)>) -> String {
    let bytes = digits.as_bytes();
    let mut end = bytes.len();
    let mut remaining = bytes.len() as i64;
    let mut min_width = min_width.max(0);
    // Chunks from the right: (zeros, digits, separator after).
    let mut chunks: Vec<(i64, &[u8], Option<char>)> = Vec::new();
    let mut use_sep = false;
    let mut done = false;
    if let Some((glen, sep)) = group {
        loop {
            let len = glen.min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            let start = end - n_chars as usize;
            chunks.push((n_zeros, &bytes[start..end], use_sep.then_some(sep)));
            end = start;
            use_sep = true;
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                done = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !done {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        let start = end - n_chars as usize;
        let sep = group.map(|g| g.1).filter(|_| use_sep);
        chunks.push((n_zeros, &bytes[start..end], sep));
    }
    let mut s = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    for (zeros, ds, sep) in chunks.iter().rev() {
        pad(&mut s, '0', *zeros);
        s.extend(ds.iter().map(|b| *b as char));
        if let Some(c) = sep {
            s.push(*c);
        }
    }
    s
}

/// `calc_number_widths` + `fill_number`: sign, prefix, padding, grouping.
fn fill_number(out: &mut String, spec: &Spec, num: &Number<'_>, group: Option<(i64, char)>) {
    let sign = match (spec.sign, num.negative) {
        (_, true) => Some('-'),
        (Some('+'), false) => Some('+'),
        (Some(' '), false) => Some(' '),
        _ => None,
    };
    let n_remainder = num.remainder.chars().count() as i64;
    let non_digit =
        sign.map_or(0, |_| 1) + num.prefix.len() as i64 + i64::from(num.has_decimal) + n_remainder;
    let width = spec.width.map_or(-1, |w| w as i64);
    let min_width = if spec.fill == '0' && spec.align == '=' {
        width - non_digit
    } else {
        0
    };
    let grouped: std::borrow::Cow<'_, str> =
        if num.digits.is_empty() || (group.is_none() && min_width <= num.digits.len() as i64) {
            num.digits.into()
        } else {
            group_digits(num.digits, min_width, group).into()
        };
    let padding = width - (non_digit + grouped.len() as i64);
    let (mut left, mut mid, mut right) = (0, 0, 0);
    if padding > 0 {
        match spec.align {
            '<' => right = padding,
            '^' => {
                left = padding / 2;
                right = padding - left;
            }
            '=' => mid = padding,
            _ => left = padding,
        }
    }
    pad(out, spec.fill, left);
    if let Some(c) = sign {
        out.push(c);
    }
    out.push_str(num.prefix);
    pad(out, spec.fill, mid);
    out.push_str(&grouped);
    if num.has_decimal {
        out.push('.');
    }
    out.push_str(num.remainder);
    pad(out, spec.fill, right);
}

/// `format(v, spec)` for an int (`type_name` is `int` or `bool`), CPython's
/// `format_long_internal`, converting to float for `e f g %`.
pub(crate) fn format_int(v: i64, spec: &str, type_name: &str, out: &mut String) -> Result<()> {
    let s = parse(spec, Some('d'), '>', type_name)?;
    let ty = s.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return float_with(v as f64, &s, out),
        t => return Err(unknown_code(t, type_name)),
    }
    if s.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if s.no_neg_0 {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    check_width(&s)?;
    if ty == 'c' {
        if s.sign.is_some() {
            return Err(value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if s.alternate {
            return Err(value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let c = char_of(v)?;
        let mut buf = [0u8; 4];
        let num = Number {
            negative: false,
            prefix: "",
            digits: "",
            has_decimal: false,
            remainder: c.encode_utf8(&mut buf),
        };
        fill_number(out, &s, &num, None);
        return Ok(());
    }
    let m = v.unsigned_abs();
    let (digits, prefix) = match ty {
        'b' => (format!("{m:b}"), "0b"),
        'o' => (format!("{m:o}"), "0o"),
        'x' => (format!("{m:x}"), "0x"),
        'X' => (format!("{m:X}"), "0X"),
        _ => (m.to_string(), ""),
    };
    let num = Number {
        negative: v < 0,
        prefix: if s.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal: false,
        remainder: "",
    };
    let group = if ty == 'n' { None } else { group_of(&s) };
    fill_number(out, &s, &num, group);
    Ok(())
}

/// The character of code point `v` for `c` formats, with CPython's range error.
pub(crate) fn char_of(v: i64) -> Result<char> {
    if !(0..=0x10ffff).contains(&v) {
        return Err(Error::new(
            &exc::OverflowError,
            "%c arg not in range(0x110000)",
        ));
    }
    char::from_u32(v as u32).ok_or_else(|| {
        Error::new(
            &exc::ValueError,
            format!("matx cannot represent the lone surrogate U+{v:04X} in a str"),
        )
    })
}

/// `format(x, spec)` for a float (CPython's `format_float_internal`).
pub(crate) fn format_float(x: f64, spec: &str, out: &mut String) -> Result<()> {
    if spec.is_empty() {
        out.push_str(&super::float_repr(x));
        return Ok(());
    }
    let s = parse(spec, None, '>', "float")?;
    match s.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => float_with(x, &s, out),
        Some(t) => Err(unknown_code(t, "float")),
    }
}

fn float_with(x: f64, s: &Spec, out: &mut String) -> Result<()> {
    check_width(s)?;
    if s.precision.is_some_and(|p| p > MAX_WIDTH) {
        return Err(value_error("precision too big"));
    }
    let mut flags = DtoaFlags {
        alt: s.alternate,
        no_neg_0: s.no_neg_0,
        ..DtoaFlags::default()
    };
    let mut ty = s.ty.unwrap_or('\0');
    let mut default_precision = 6;
    if ty == '\0' {
        flags.add_dot_0 = true;
        ty = 'r';
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = x;
    let pct = ty == '%';
    if pct {
        ty = 'f';
        val *= 100.0;
    }
    let precision = match s.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let mut text = double_to_string(val, ty, precision, flags);
    if pct {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, text.as_str()),
    };
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (digits, rest) = body.split_at(split);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let num = Number {
        negative,
        prefix: "",
        digits,
        has_decimal,
        remainder,
    };
    let group = if s.ty == Some('n') { None } else { group_of(s) };
    fill_number(out, s, &num, group);
    Ok(())
}
