//! Float to text as CPython does it: `repr(float)` and a port of `PyOS_double_to_string` (the `e f g r` modes).
//!
//! The digits come from Rust's formatter, which is exact: `{:e}` gives the
//! shortest round-tripping digits (dtoa mode 0), `{:.Ne}` and `{:.N}` give
//! correctly rounded (round-half-even on exact ties) significant or fractional
//! digits (dtoa modes 2 and 3). They are then laid out by a port of CPython's
//! `format_float_short`, so every placement rule (exponent thresholds, the
//! `.0` suffix, `#`, zero padding) is CPython's own.

use std::fmt::Write as _;

/// Options of `PyOS_double_to_string` (its `Py_DTSF_*` flags).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct DtoaFlags {
    /// `Py_DTSF_SIGN`: always write a sign.
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: write `1.0` rather than `1` in fixed notation.
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: `#`, keep the decimal point and trailing zeros.
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: `z`, a negative zero (after rounding) loses its sign.
    pub no_neg_0: bool,
}

/// `repr(x)` of a float, exactly as CPython 3.11 writes it.
///
/// ```
/// assert_eq!(matx::fmt::float_repr(0.1 + 0.2), "0.30000000000000004");
/// assert_eq!(matx::fmt::float_repr(1e16), "1e+16");
/// assert_eq!(matx::fmt::float_repr(100.0), "100.0");
/// ```
pub fn float_repr(x: f64) -> String {
    let flags = DtoaFlags {
        add_dot_0: true,
        ..DtoaFlags::default()
    };
    double_to_string(x, 'r', 0, flags)
}

/// CPython's `PyOS_double_to_string(x, code, precision, flags)`.
///
/// `code` is one of `e E f F g G r`; for `r` the precision is ignored.
pub(crate) fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let mut out = String::new();
    if !x.is_finite() {
        // The sign of a nan is ignored.
        let neg = x.is_infinite() && x.is_sign_negative();
        if neg {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return out;
    }
    let (digits, decpt, layout_precision) = match code {
        'e' => {
            let (d, p) = significant_digits(x, precision + 1);
            (d, p, precision + 1)
        }
        'f' => {
            let (d, p) = fixed_digits(x, precision);
            (d, p, precision)
        }
        'g' => {
            let precision = precision.max(1);
            let (d, p) = significant_digits(x, precision);
            (d, p, precision)
        }
        _ => {
            let (d, p) = shortest_digits(x);
            (d, p, 0)
        }
    };
    let mut neg = x.is_sign_negative();
    if flags.no_neg_0 && neg && digits == "0" {
        neg = false;
    }
    if neg {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    layout(
        &mut out,
        &digits,
        decpt,
        code,
        layout_precision as i64,
        flags,
        upper,
    );
    out
}

/// Splits Rust's `d.ddde±x` into the digit string and the decimal point
/// position (`0.d1d2… × 10^decpt`), with trailing zeros removed as dtoa does.
fn split_exp(mut s: String) -> (String, i64) {
    let (epos, exp) = match s.find('e') {
        Some(i) => (i, s[i + 1..].parse::<i64>().unwrap_or(0)),
        None => (s.len(), 0),
    };
    s.truncate(epos);
    s.retain(|c| c.is_ascii_digit());
    let kept = s.trim_end_matches('0').len();
    if kept == 0 {
        return ("0".into(), 1);
    }
    s.truncate(kept);
    (s, exp + 1)
}

/// dtoa mode 0: the shortest digits that round-trip, and among those the
/// closest to `x` (ties to even).
///
/// Rust's shortest digits agree except on exact ties, where Rust rounds the
/// last digit up and dtoa to even. When a tie is possible (see
/// [`may_tie`]) the correctly rounded digits of the same length are preferred
/// whenever they round-trip too.
fn shortest_digits(x: f64) -> (String, i64) {
    let a = x.abs();
    let (digits, decpt) = split_exp(format!("{a:e}"));
    if digits.len() >= 16 && may_tie(a) {
        let nearest = format!("{:.*e}", digits.len() - 1, a);
        if nearest.parse::<f64>() == Ok(a) {
            return split_exp(nearest);
        }
    }
    (digits, decpt)
}

/// Whether the exact decimal value of `a` has at most 18 significant digits
/// and a fractional part, the only case where two shortest candidates can be
/// equally close: `a = m / 2^k` (m odd, k >= 1) has the digits of `m * 5^k`.
fn may_tie(a: f64) -> bool {
    let bits = a.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_bits - 1075)
    };
    if m == 0 {
        return false;
    }
    let tz = m.trailing_zeros();
    let k = -(e + i64::from(tz));
    if !(1..=27).contains(&k) {
        return false;
    }
    u128::from(m >> tz) * 5u128.pow(k as u32) < 1_000_000_000_000_000_000
}

/// dtoa mode 2: `n >= 1` significant digits, correctly rounded.
fn significant_digits(x: f64, n: usize) -> (String, i64) {
    split_exp(format!("{:.*e}", n - 1, x.abs()))
}

/// dtoa mode 3: `n` digits after the decimal point, correctly rounded.
fn fixed_digits(x: f64, n: usize) -> (String, i64) {
    let s = format!("{:.*}", n, x.abs());
    let (int_part, frac) = s.split_once('.').unwrap_or((s.as_str(), ""));
    let all: String = int_part.chars().chain(frac.chars()).collect();
    let Some(first) = all.bytes().position(|b| b != b'0') else {
        return ("0".into(), 1);
    };
    let digits = all[first..].trim_end_matches('0').to_string();
    (digits, int_part.len() as i64 - first as i64)
}

fn push_zeros(out: &mut String, n: i64) {
    for _ in 0..n.max(0) {
        out.push('0');
    }
}

/// CPython's `format_float_short` after the digits are known: places the
/// decimal point, pads with zeros, and adds the exponent.
fn layout(
    out: &mut String,
    digits: &str,
    mut decpt: i64,
    code: char,
    precision: i64,
    flags: DtoaFlags,
    upper: bool,
) {
    let digits_len = digits.len() as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    if decpt <= 0 {
        push_zeros(out, decpt - vdigits_start);
        out.push('.');
        push_zeros(out, -decpt);
    } else {
        push_zeros(out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        let (a, b) = digits.split_at(decpt as usize);
        out.push_str(a);
        out.push('.');
        out.push_str(b);
    } else {
        out.push_str(digits);
    }
    if digits_len < decpt {
        push_zeros(out, decpt - digits_len);
        out.push('.');
        push_zeros(out, vdigits_end - decpt);
    } else {
        push_zeros(out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        // Writing to a String cannot fail.
        let _ = write!(out, "{exp:+03}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_basics() {
        for (x, want) in [
            (1.0, "1.0"),
            (-0.0, "-0.0"),
            (1e16, "1e+16"),
            (1.5e-5, "1.5e-05"),
            (1e-7, "1e-07"),
            (123456789012345.0, "123456789012345.0"),
            (1234567890123456.0, "1234567890123456.0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (1e22, "1e+22"),
            (5e-324, "5e-324"),
            (0.0001, "0.0001"),
        ] {
            assert_eq!(float_repr(x), want);
        }
    }

    #[test]
    fn modes() {
        let f = DtoaFlags::default();
        assert_eq!(double_to_string(0.125, 'f', 2, f), "0.12");
        assert_eq!(double_to_string(2.5, 'f', 0, f), "2");
        assert_eq!(double_to_string(1234.5, 'e', 2, f), "1.23e+03");
        assert_eq!(double_to_string(1e-5, 'g', 6, f), "1e-05");
        assert_eq!(double_to_string(0.0, 'E', 0, f), "0E+00");
    }
}
