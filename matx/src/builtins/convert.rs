//! Conversion builtins: `int(str, base)`, `float(str)`, `chr`, `ord`, with CPython's parsing rules and messages.

use crate::error::{err, exc};
use crate::value::{repr_str, Bytes, Str};
use crate::Result;

/// `repr(s)` cut to 200 characters, as CPython's `%.200R`.
fn repr200(s: &str) -> String {
    let r = repr_str(s);
    if r.chars().count() > 200 {
        r.chars().take(200).collect()
    } else {
        r
    }
}

fn strip_py_space(s: &str) -> &str {
    s.trim_matches(crate::text::is_space)
}

/// CPython's first step in `int()`/`float()` of a str: every Unicode decimal digit becomes
/// its ASCII digit and every Unicode space an ASCII space (`'١٢'` parses as `12`).
fn ascii_decimal(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match crate::text::decimal_value(c) {
            Some(d) if !c.is_ascii() => out.push(char::from(b'0' + d as u8)),
            _ if !c.is_ascii() && crate::text::is_space(c) => out.push(' '),
            _ => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `int(s, base)`: whitespace around, a sign, `_` between digits, `0x`/`0o`/`0b`
/// prefixes (required to match with base 16/8/2, detected with base 0).
pub fn int_from_str(s: &Str, base: i64) -> Result<i64> {
    if base != 0 && !(2..=36).contains(&base) {
        return err(&exc::ValueError, "int() base must be >= 2 and <= 36, or 0");
    }
    let invalid = || {
        err(
            &exc::ValueError,
            format!(
                "invalid literal for int() with base {}: {}",
                base,
                repr200(s.as_str())
            ),
        )
    };
    let converted = ascii_decimal(s.as_str());
    let t = strip_py_space(&converted);
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let b = t.as_bytes();
    let mut base = base as u32;
    let mut body = t;
    let mut after_prefix = false;
    if b.len() >= 2 && b[0] == b'0' {
        let p = b[1].to_ascii_lowercase();
        let pb = match p {
            b'x' => 16,
            b'o' => 8,
            b'b' => 2,
            _ => 0,
        };
        if pb != 0 && (base == 0 || base == pb) {
            base = pb;
            body = &t[2..];
            after_prefix = true;
        }
    }
    let legacy_zero = base == 0;
    if base == 0 {
        base = 10;
    }
    // Digits with single underscores between them (one may follow a prefix).
    let mut value: i128 = 0;
    let mut ndigits = 0;
    let mut prev_us = false;
    let mut all_zero = true;
    for (k, c) in body.chars().enumerate() {
        if c == '_' {
            if prev_us || (k == 0 && !after_prefix) {
                return invalid();
            }
            prev_us = true;
            continue;
        }
        prev_us = false;
        let d = match c.to_digit(base) {
            Some(d) => d,
            None => return invalid(),
        };
        if d != 0 {
            all_zero = false;
        }
        ndigits += 1;
        value = value * base as i128 + d as i128;
        if value > (1i128 << 64) {
            value = 1i128 << 64;
        }
    }
    if ndigits == 0 || prev_us {
        return invalid();
    }
    // Base 0 forbids leading zeros in a non-zero decimal literal ("010").
    if legacy_zero && !after_prefix && body.starts_with('0') && !all_zero {
        return invalid();
    }
    let v = if neg { -value } else { value };
    i64::try_from(v).map_err(|_| crate::ops::overflow())
}

/// `float(s)`: whitespace around, `inf`/`infinity`/`nan` in any case with a sign,
/// `_` between digits.
pub fn float_from_str(s: &Str) -> Result<f64> {
    let invalid = || {
        err(
            &exc::ValueError,
            format!("could not convert string to float: {}", repr200(s.as_str())),
        )
    };
    let converted = ascii_decimal(s.as_str());
    let t = strip_py_space(&converted);
    if t.is_empty() || !t.is_ascii() {
        return invalid();
    }
    let b = t.as_bytes();
    let mut clean = String::with_capacity(t.len());
    for (k, &c) in b.iter().enumerate() {
        if c == b'_' {
            let ok = k > 0
                && b[k - 1].is_ascii_digit()
                && b.get(k + 1).is_some_and(|d| d.is_ascii_digit());
            if !ok {
                return invalid();
            }
            continue;
        }
        clean.push(c as char);
    }
    let body = clean.trim_start_matches(['+', '-']);
    if clean.len() - body.len() > 1 {
        return invalid();
    }
    let lower = body.to_ascii_lowercase();
    if matches!(lower.as_str(), "inf" | "infinity" | "nan") {
        let v = if lower == "nan" {
            f64::NAN
        } else {
            f64::INFINITY
        };
        return Ok(if clean.starts_with('-') { -v } else { v });
    }
    // Python's grammar: digits [. digits] | . digits, then [e [sign] digits].
    let bb = lower.as_bytes();
    let mut i = 0;
    let int_digits = bb.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if bb.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = bb[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return invalid();
    }
    if bb.get(i) == Some(&b'e') {
        i += 1;
        if matches!(bb.get(i), Some(b'+') | Some(b'-')) {
            i += 1;
        }
        let e = bb[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if e == 0 {
            return invalid();
        }
        i += e;
    }
    if i != bb.len() {
        return invalid();
    }
    clean.parse::<f64>().or_else(|_| invalid())
}

/// `chr(i)`. Lone surrogates (`0xD800..=0xDFFF`) cannot be held by a `str`
/// here and raise `ValueError` (CPython returns them).
pub fn chr(i: i64) -> Result<Str> {
    if !(0..0x110000).contains(&i) {
        return err(&exc::ValueError, "chr() arg not in range(0x110000)");
    }
    match char::from_u32(i as u32) {
        Some(c) => Ok(Str::from_char(c)),
        None => err(
            &exc::ValueError,
            "chr() arg is a surrogate code point, not supported",
        ),
    }
}

/// `ord(b)` of a bytes object of length one.
pub fn ord_bytes(b: Bytes) -> Result<i64> {
    match b.as_bytes() {
        [x] => Ok(i64::from(*x)),
        other => Err(crate::Error::new(
            &exc::TypeError,
            format!(
                "ord() expected a character, but string of length {} found",
                other.len()
            ),
        )),
    }
}

/// `ord(s)`.
pub fn ord(s: Str) -> Result<i64> {
    let mut it = s.as_str().chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c as i64),
        _ => err(
            &exc::TypeError,
            format!(
                "ord() expected a character, but string of length {} found",
                s.len()
            ),
        ),
    }
}

/// `float(i)`.
#[inline]
pub fn float_from_int(i: i64) -> f64 {
    i as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(s: &str, b: i64) -> std::result::Result<i64, String> {
        int_from_str(&Str::new(s), b).map_err(|e| e.message().to_string())
    }

    fn flt(s: &str) -> std::result::Result<f64, String> {
        float_from_str(&Str::new(s)).map_err(|e| e.message().to_string())
    }

    #[test]
    fn int_parsing_like_cpython() {
        assert_eq!(int(" 12 ", 10), Ok(12));
        assert_eq!(int("1_000", 10), Ok(1000));
        assert_eq!(
            int("_1", 10),
            Err("invalid literal for int() with base 10: '_1'".into())
        );
        assert!(int("1__0", 10).is_err());
        assert!(int("1_", 10).is_err());
        assert_eq!(int("0x1f", 0), Ok(31));
        assert_eq!(int("0x_1f", 0), Ok(31));
        assert_eq!(int("0X1F", 16), Ok(31));
        assert_eq!(int("1f", 16), Ok(31));
        assert_eq!(
            int("010", 0),
            Err("invalid literal for int() with base 0: '010'".into())
        );
        assert_eq!(int("0", 0), Ok(0));
        assert_eq!(int("00", 0), Ok(0));
        assert_eq!(int("0_0", 0), Ok(0));
        assert_eq!(int("-0b101", 0), Ok(-5));
        assert_eq!(int("z", 36), Ok(35));
        assert_eq!(
            int("12", 1),
            Err("int() base must be >= 2 and <= 36, or 0".into())
        );
        assert_eq!(
            int("", 10),
            Err("invalid literal for int() with base 10: ''".into())
        );
        assert_eq!(int("-9223372036854775808", 10), Ok(i64::MIN));
        assert_eq!(
            int("9223372036854775808", 10),
            Err("integer overflow".into())
        );
        assert_eq!(
            int("9".repeat(40).as_str(), 10),
            Err("integer overflow".into())
        );
        assert_eq!(int("+5", 10), Ok(5));
        assert!(int("- 5", 10).is_err());
        assert!(int("1.5", 10).is_err());
        assert_eq!(int("abc", 16), Ok(2748));
        assert_eq!(
            int("0b", 0),
            Err("invalid literal for int() with base 0: '0b'".into())
        );
        assert_eq!(
            int(" ", 10),
            Err("invalid literal for int() with base 10: ' '".into())
        );
        assert_eq!(
            int("12", 2),
            Err("invalid literal for int() with base 2: '12'".into())
        );
        assert_eq!(int("0b1", 16), Ok(177));
        assert_eq!(int("\u{3000}7\n", 10), Ok(7));
    }

    #[test]
    fn float_parsing_like_cpython() {
        assert_eq!(flt("inf"), Ok(f64::INFINITY));
        assert_eq!(flt("-Infinity"), Ok(f64::NEG_INFINITY));
        assert!(flt("nan").unwrap().is_nan());
        assert!(flt("-nan").unwrap().is_nan());
        assert_eq!(flt(" 1e5 "), Ok(100000.0));
        assert_eq!(flt("1_0.5"), Ok(10.5));
        assert_eq!(flt("1e1_0"), Ok(1e10));
        assert_eq!(
            flt("1__0"),
            Err("could not convert string to float: '1__0'".into())
        );
        assert_eq!(
            flt("x"),
            Err("could not convert string to float: 'x'".into())
        );
        assert_eq!(flt(""), Err("could not convert string to float: ''".into()));
        assert_eq!(flt("1e500"), Ok(f64::INFINITY));
        assert_eq!(flt("+.5"), Ok(0.5));
        assert_eq!(flt("5."), Ok(5.0));
        assert!(flt("0x10").is_err());
        assert!(flt("in f").is_err());
        assert!(flt("1_e5").is_err());
        assert!(flt(".").is_err());
        assert!(flt("+-1").is_err());
        assert!(flt("1e").is_err());
        assert!(flt("infinit").is_err());
        assert_eq!(flt("-0"), Ok(-0.0));
    }

    #[test]
    fn chr_ord() {
        assert_eq!(chr(0x1f600).unwrap(), "😀");
        assert_eq!(
            chr(0x110000).unwrap_err().message(),
            "chr() arg not in range(0x110000)"
        );
        assert_eq!(
            chr(-1).unwrap_err().message(),
            "chr() arg not in range(0x110000)"
        );
        assert_eq!(ord(Str::new("😀")).unwrap(), 0x1f600);
        assert_eq!(
            ord(Str::new("ab")).unwrap_err().message(),
            "ord() expected a character, but string of length 2 found"
        );
        assert_eq!(
            ord(Str::new("")).unwrap_err().message(),
            "ord() expected a character, but string of length 0 found"
        );
    }
}
