//! `%`-formatting (`template % args`): a port of CPython's `PyUnicode_Format`.
//!
//! `args` is the tuple's items, or a one-element slice for `template % value`
//! (the two behave the same in CPython when the value is not a tuple or a
//! mapping). Mapping keys (`%(name)s`) need a dict argument, which this entry
//! does not take: they raise CPython's `TypeError: format requires a mapping`.

use super::float_repr::{double_to_string, DtoaFlags};
use super::spec::{char_of, MAX_WIDTH};
use super::{ascii_escape, FormatArg};
use crate::error::{exc, Error};
use crate::{Result, Str};

fn type_error(msg: impl Into<String>) -> Error {
    Error::new(&exc::TypeError, msg)
}

fn value_error(msg: impl Into<String>) -> Error {
    Error::new(&exc::ValueError, msg)
}

/// One conversion's flags, width and precision (`unicode_format_arg_t`).
struct Arg {
    ch: char,
    ljust: bool,
    plus: bool,
    blank: bool,
    alt: bool,
    zero: bool,
    width: i64,
    prec: i64,
    sign: bool,
}

/// The template cursor and argument cursor (`unicode_formatter_t`).
struct Ctx<'a, 'b> {
    template: &'a str,
    /// Byte offset of the next character to read.
    pos: usize,
    /// Set once a read ran past the end (CPython's `fmtcnt < 0`).
    exhausted: bool,
    args: &'a [&'b dyn FormatArg],
    argidx: usize,
}

impl<'b> Ctx<'_, 'b> {
    /// Reads the next template character into `ch`; false at the end.
    fn read(&mut self, ch: &mut char) -> bool {
        if self.exhausted {
            return false;
        }
        match self.template[self.pos..].chars().next() {
            Some(c) => {
                *ch = c;
                self.pos += c.len_utf8();
                true
            }
            None => {
                self.exhausted = true;
                false
            }
        }
    }

    fn next_arg(&mut self) -> Result<&'b dyn FormatArg> {
        let a = self
            .args
            .get(self.argidx)
            .copied()
            .ok_or_else(|| type_error("not enough arguments for format string"))?;
        self.argidx += 1;
        Ok(a)
    }

    /// Reads digits after the first one in `ch`, with CPython's overflow message.
    fn read_number(&mut self, ch: &mut char, limit: i64, what: &str) -> Result<i64> {
        let mut n = i64::from(*ch as u8 - b'0');
        while self.read(ch) {
            let Some(d) = ch.to_digit(10) else { break };
            if n > (limit - i64::from(d)) / 10 {
                return Err(value_error(format!("{what} too big")));
            }
            n = n * 10 + i64::from(d);
        }
        Ok(n)
    }

    /// A `*` width or precision argument.
    fn star_arg(&mut self) -> Result<i64> {
        self.next_arg()?
            .as_int()
            .ok_or_else(|| type_error("* wants int"))
    }
}

/// `template % args`.
///
/// ```
/// use matx::fmt::{percent_format, FormatArg};
/// let args: [&dyn FormatArg; 2] = [&42i64, &2.5f64];
/// assert_eq!(percent_format("%05d|%-6.2f|", &args).unwrap().as_str(), "00042|2.50  |");
/// ```
pub fn percent_format(template: &str, args: &[&dyn FormatArg]) -> Result<Str> {
    let mut ctx = Ctx {
        template,
        pos: 0,
        exhausted: false,
        args,
        argidx: 0,
    };
    let mut out = String::with_capacity(template.len() + 8 * args.len());
    let bytes = template.as_bytes();
    while ctx.pos < bytes.len() {
        let Some(off) = bytes[ctx.pos..].iter().position(|b| *b == b'%') else {
            out.push_str(&template[ctx.pos..]);
            break;
        };
        out.push_str(&template[ctx.pos..ctx.pos + off]);
        ctx.pos += off + 1;
        if bytes.get(ctx.pos) == Some(&b'%') {
            ctx.pos += 1;
            out.push('%');
            continue;
        }
        format_one(&mut ctx, &mut out)?;
    }
    if ctx.argidx < args.len() {
        return Err(type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(Str::from(out))
}

/// Parses and writes one conversion (`unicode_format_arg`).
fn format_one(ctx: &mut Ctx<'_, '_>, out: &mut String) -> Result<()> {
    if ctx.template.as_bytes().get(ctx.pos) == Some(&b'(') {
        return Err(type_error("format requires a mapping"));
    }
    let mut a = Arg {
        ch: '\0',
        ljust: false,
        plus: false,
        blank: false,
        alt: false,
        zero: false,
        width: -1,
        prec: -1,
        sign: false,
    };
    let mut ch = '\0';
    while ctx.read(&mut ch) {
        match ch {
            '-' => a.ljust = true,
            '+' => a.plus = true,
            ' ' => a.blank = true,
            '#' => a.alt = true,
            '0' => a.zero = true,
            _ => break,
        }
    }
    if ch == '*' {
        let w = ctx.star_arg()?;
        if w < 0 {
            a.ljust = true;
        }
        a.width = w.saturating_abs();
        ctx.read(&mut ch);
    } else if ch.is_ascii_digit() && !ctx.exhausted {
        a.width = ctx.read_number(&mut ch, isize::MAX as i64, "width")?;
    }
    if ch == '.' && !ctx.exhausted {
        a.prec = 0;
        ctx.read(&mut ch);
        if ch == '*' && !ctx.exhausted {
            let p = ctx.star_arg()?;
            if i32::try_from(p).is_err() {
                return Err(Error::new(
                    &exc::OverflowError,
                    "Python int too large to convert to C int",
                ));
            }
            a.prec = p.max(0);
            ctx.read(&mut ch);
        } else if ch.is_ascii_digit() && !ctx.exhausted {
            a.prec = ctx.read_number(&mut ch, i64::from(i32::MAX), "precision")?;
        }
    }
    if !ctx.exhausted && matches!(ch, 'h' | 'l' | 'L') {
        ctx.read(&mut ch);
    }
    if ctx.exhausted {
        return Err(value_error("incomplete format"));
    }
    a.ch = ch;
    let v = ctx.next_arg()?;
    let text = match ch {
        's' => {
            let mut s = String::new();
            v.fmt_str(&mut s)?;
            s
        }
        'r' | 'a' => {
            let mut s = String::new();
            v.fmt_repr(&mut s)?;
            if ch == 'a' {
                ascii_escape(&s)
            } else {
                s
            }
        }
        'i' | 'd' | 'u' | 'o' | 'x' | 'X' => {
            a.sign = true;
            format_long(v, &a)?
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = v
                .as_float()
                .ok_or_else(|| type_error(format!("must be real number, not {}", v.type_name())))?;
            a.sign = true;
            let prec = if a.prec < 0 { 6 } else { a.prec as usize };
            let flags = DtoaFlags {
                alt: a.alt,
                ..DtoaFlags::default()
            };
            double_to_string(x, ch, prec, flags)
        }
        'c' => format_char(v)?.to_string(),
        _ => {
            let shown = if (' '..='~').contains(&ch) || ch == '\x1f' {
                ch
            } else {
                '?'
            };
            return Err(value_error(format!(
                "unsupported format character '{shown}' (0x{:x}) at index {}",
                ch as u32,
                ctx.template
                    .get(..ctx.pos.saturating_sub(ch.len_utf8()))
                    .map_or(0, |t| t.chars().count())
            )));
        }
    };
    if a.width > MAX_WIDTH as i64 {
        return Err(Error::bare(&exc::MemoryError));
    }
    output(out, &mut a, &text);
    Ok(())
}

/// `%c`: an int code point or a one-character str.
fn format_char(v: &dyn FormatArg) -> Result<char> {
    if v.is_str() {
        let mut s = String::new();
        v.fmt_str(&mut s)?;
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(type_error("%c requires int or char")),
        };
    }
    match v.as_int() {
        Some(i) => char_of(i),
        None => Err(type_error("%c requires int or char")),
    }
}

/// `%d %i %u %o %x %X`: CPython's `mainformatlong` + `_PyUnicode_FormatLong`.
fn format_long(v: &dyn FormatArg, a: &Arg) -> Result<String> {
    let ch = a.ch;
    let (negative, digits) = if let Some(i) = v.as_int() {
        let m = i.unsigned_abs();
        let d = match ch {
            'o' => format!("{m:o}"),
            'x' => format!("{m:x}"),
            'X' => format!("{m:X}"),
            _ => m.to_string(),
        };
        (i < 0, d)
    } else if let (Some(x), false) = (v.as_float(), matches!(ch, 'o' | 'x' | 'X')) {
        if x.is_nan() {
            return Err(value_error("cannot convert float NaN to integer"));
        }
        if x.is_infinite() {
            return Err(Error::new(
                &exc::OverflowError,
                "cannot convert float infinity to integer",
            ));
        }
        let t = x.trunc();
        (t < 0.0, format!("{:.0}", t.abs()))
    } else {
        let what = if matches!(ch, 'o' | 'x' | 'X') {
            "an integer"
        } else {
            "a real number"
        };
        return Err(type_error(format!(
            "%{ch} format: {what} is required, not {}",
            v.type_name()
        )));
    };
    let mut s = String::with_capacity(digits.len() + 4);
    if negative {
        s.push('-');
    }
    if a.alt {
        match ch {
            'o' => s.push_str("0o"),
            'x' => s.push_str("0x"),
            'X' => s.push_str("0X"),
            _ => {}
        }
    }
    for _ in digits.len() as i64..a.prec {
        s.push('0');
    }
    s.push_str(&digits);
    Ok(s)
}

/// Pads and signs one converted value (`unicode_format_arg_output`).
fn output(out: &mut String, a: &mut Arg, text: &str) {
    let fill = if a.sign && a.zero { '0' } else { ' ' };
    let mut len = if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    } as i64;
    if (a.width == -1 || a.width <= len) && (a.prec == -1 || a.prec >= len) && !a.plus && !a.blank {
        out.push_str(text);
        return;
    }
    if matches!(a.ch, 's' | 'r' | 'a') && a.prec >= 0 && len > a.prec {
        len = a.prec;
    }
    let mut pindex = 0usize;
    let mut signchar = '\0';
    if a.sign {
        match text.chars().next() {
            Some(c @ ('-' | '+')) => {
                signchar = c;
                len -= 1;
                pindex += 1;
            }
            _ if a.plus => signchar = '+',
            _ if a.blank => signchar = ' ',
            _ => a.sign = false,
        }
    }
    if a.width < len {
        a.width = len;
    }
    if a.sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if a.width > len {
            a.width -= 1;
        }
    }
    let has_prefix = a.alt && matches!(a.ch, 'x' | 'X' | 'o');
    if has_prefix {
        if fill != ' ' {
            out.push_str(text.get(pindex..pindex + 2).unwrap_or(""));
            pindex += 2;
        }
        a.width = (a.width - 2).max(0);
        len -= 2;
    }
    if a.width > len && !a.ljust {
        for _ in len..a.width {
            out.push(fill);
        }
        a.width = len;
    }
    if fill == ' ' {
        if a.sign {
            out.push(signchar);
        }
        if has_prefix {
            out.push_str(text.get(pindex..pindex + 2).unwrap_or(""));
            pindex += 2;
        }
    }
    // `pindex` only ever skips ASCII (a sign, a `0x` prefix).
    let rest = text.get(pindex..).unwrap_or("");
    let end = rest
        .char_indices()
        .nth(len.max(0) as usize)
        .map_or(rest.len(), |(i, _)| i);
    out.push_str(&rest[..end]);
    for _ in len..a.width {
        out.push(' ');
    }
}
