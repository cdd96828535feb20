//! Numeric builtins: `abs`, `divmod`, `pow` (with modulus), `round` (CPython's correctly rounded algorithm), `hex`/`oct`/`bin`.

use crate::error::{err, exc, Error};
use crate::ops::{float_div_mod, floordiv_int, int_mod_nonzero, overflow};
use crate::value::Str;
use crate::Result;

/// `abs(i)`.
pub fn abs_int(i: i64) -> Result<i64> {
    i.checked_abs().ok_or_else(overflow)
}

/// `abs(x)`.
pub fn abs_float(x: f64) -> Result<f64> {
    Ok(x.abs())
}

/// `divmod(a, b)` on ints.
pub fn divmod_int(a: i64, b: i64) -> Result<(i64, i64)> {
    let q = floordiv_int(a, b)?;
    Ok((q, int_mod_nonzero(a, b)))
}

/// `divmod(a, b)` on floats.
pub fn divmod_float(a: f64, b: f64) -> Result<(f64, f64)> {
    if b == 0.0 {
        return err(&exc::ZeroDivisionError, "float divmod()");
    }
    Ok(float_div_mod(a, b))
}

/// `a ** b` on ints with `b >= 0`.
pub fn pow_int(a: i64, b: i64) -> Result<i64> {
    if b < 0 {
        return err(
            &exc::ValueError,
            "pow_int: negative exponent (an int ** negative int is a float: use pow_int_float)",
        );
    }
    let mut base = a;
    let mut e = b as u64;
    let mut acc: i64 = 1;
    while e > 0 {
        if e & 1 == 1 {
            acc = acc.checked_mul(base).ok_or_else(overflow)?;
        }
        e >>= 1;
        if e > 0 {
            base = base.checked_mul(base).ok_or_else(overflow)?;
        }
    }
    Ok(acc)
}

/// `a ** b` on ints where the result is a float (`b < 0`: `2 ** -1 == 0.5`).
pub fn pow_int_float(a: i64, b: i64) -> Result<f64> {
    pow_float(a as f64, b as f64)
}

fn is_odd_integer(x: f64) -> bool {
    x.is_finite() && (x % 2.0).abs() == 1.0
}

/// `a ** b` on floats, with CPython's special cases and errors.
pub fn pow_float(iv: f64, iw: f64) -> Result<f64> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let a = iv.abs();
        return Ok(if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            iw.abs()
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        let odd = is_odd_integer(iw);
        if iw < 0.0 {
            return err(
                &exc::ZeroDivisionError,
                "0.0 cannot be raised to a negative power",
            );
        }
        return Ok(if odd { iv } else { 0.0 });
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            // CPython returns a complex number here; the dialect has none.
            return err(
                &exc::ValueError,
                "negative number cannot be raised to a fractional power",
            );
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(Error::with_args(
            &exc::OverflowError,
            "(34, 'Numerical result out of range')",
            "34, 'Numerical result out of range'",
        ));
    }
    Ok(if negate { -r } else { r })
}

/// `pow(a, b, m)`.
pub fn pow_mod(a: i64, b: i64, m: i64) -> Result<i64> {
    if m == 0 {
        return err(&exc::ValueError, "pow() 3rd argument cannot be 0");
    }
    let mm = m.unsigned_abs() as u128;
    let mut base = (a as i128).rem_euclid(mm as i128) as u128;
    if b < 0 {
        base = mod_inverse(base, mm).ok_or_else(|| {
            Error::new(
                &exc::ValueError,
                "base is not invertible for the given modulus",
            )
        })?;
    }
    let mut e = b.unsigned_abs();
    let mut acc: u128 = 1 % mm;
    while e > 0 {
        if e & 1 == 1 {
            acc = acc * base % mm;
        }
        base = base * base % mm;
        e >>= 1;
    }
    let r = acc as i128;
    Ok(if m < 0 && r != 0 {
        (r - mm as i128) as i64
    } else {
        r as i64
    })
}

fn mod_inverse(a: u128, m: u128) -> Option<u128> {
    let (mut t, mut new_t) = (0i128, 1i128);
    let (mut r, mut new_r) = (m as i128, a as i128);
    while new_r != 0 {
        let q = r / new_r;
        (t, new_t) = (new_t, t - q * new_t);
        (r, new_r) = (new_r, r - q * new_r);
    }
    if r != 1 {
        if m == 1 {
            return Some(0);
        }
        return None;
    }
    Some(t.rem_euclid(m as i128) as u128)
}

/// `int(x)` for a float: truncates toward zero.
pub fn int_from_float(x: f64) -> Result<i64> {
    if x.is_nan() {
        return err(&exc::ValueError, "cannot convert float NaN to integer");
    }
    if x.is_infinite() {
        return err(
            &exc::OverflowError,
            "cannot convert float infinity to integer",
        );
    }
    let t = x.trunc();
    if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&t) {
        Ok(t as i64)
    } else {
        Err(overflow())
    }
}

/// `round(x)`: to the nearest int, ties to even.
pub fn round_float(x: f64) -> Result<i64> {
    int_from_float(x.round_ties_even())
}

/// `round(x, n)` on a float, correctly rounded as CPython (`round(2.675, 2) == 2.67`).
pub fn round_float_nd(x: f64, n: i64) -> Result<f64> {
    if n > 323 {
        return Ok(x);
    }
    if n < -308 {
        return Ok(0.0 * x);
    }
    if !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if n >= 0 {
        // Rust's fixed formatting is exact with ties to even, as dtoa mode 3.
        let s = format!("{:.*}", n as usize, x);
        return s
            .parse::<f64>()
            .or_else(|_| err(&exc::ValueError, "round: bad float"));
    }
    let k = (-n) as usize;
    let a = x.abs();
    let ip = a.trunc();
    let sticky = a != ip;
    let digits = format!("{ip:.0}");
    let (head, tail) = if digits.len() > k {
        (
            digits[..digits.len() - k].to_string(),
            digits[digits.len() - k..].to_string(),
        )
    } else {
        (String::from("0"), format!("{digits:0>k$}"))
    };
    let half = format!("5{}", "0".repeat(k - 1));
    let up = match tail.as_str().cmp(half.as_str()) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => {
            sticky || head.as_bytes().last().is_some_and(|d| (d - b'0') % 2 == 1)
        }
    };
    let head = if up { increment_decimal(&head) } else { head };
    let s = format!("{}{}", head, "0".repeat(k));
    let v: f64 = s
        .parse()
        .or_else(|_| err(&exc::ValueError, "round: bad float"))?;
    if v.is_infinite() {
        return err(&exc::OverflowError, "rounded value too large to represent");
    }
    Ok(v.copysign(x))
}

fn increment_decimal(s: &str) -> String {
    let mut b = s.as_bytes().to_vec();
    let mut i = b.len();
    loop {
        if i == 0 {
            b.insert(0, b'1');
            break;
        }
        i -= 1;
        if b[i] == b'9' {
            b[i] = b'0';
        } else {
            b[i] += 1;
            break;
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

/// `round(i, n)` on an int: ties to even at `10**-n`.
pub fn round_int_nd(x: i64, n: i64) -> Result<i64> {
    if n >= 0 {
        return Ok(x);
    }
    let k = n.unsigned_abs();
    if k > 38 {
        return Ok(0);
    }
    let p = 10i128.pow(k as u32);
    let xv = x as i128;
    let mut q = xv.div_euclid(p);
    let r = xv.rem_euclid(p);
    if 2 * r > p || (2 * r == p && q % 2 != 0) {
        q += 1;
    }
    i64::try_from(q * p).map_err(|_| overflow())
}

fn radix(i: i64, prefix: &str, radix: u32) -> Str {
    let u = i.unsigned_abs();
    let digits = match radix {
        16 => format!("{u:x}"),
        8 => format!("{u:o}"),
        _ => format!("{u:b}"),
    };
    let sign = if i < 0 { "-" } else { "" };
    Str::from(format!("{sign}{prefix}{digits}"))
}

/// `hex(i)`: `'-0x1f'`.
pub fn hex(i: i64) -> Result<Str> {
    Ok(radix(i, "0x", 16))
}

/// `oct(i)`: `'0o10'`.
pub fn oct(i: i64) -> Result<Str> {
    Ok(radix(i, "0o", 8))
}

/// `bin(i)`: `'-0b101'`.
pub fn bin(i: i64) -> Result<Str> {
    Ok(radix(i, "0b", 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_like_cpython() {
        assert_eq!(round_float(2.5).unwrap(), 2);
        assert_eq!(round_float(-0.5).unwrap(), 0);
        assert_eq!(round_float(1.5).unwrap(), 2);
        assert_eq!(
            round_float(f64::NAN).unwrap_err().message(),
            "cannot convert float NaN to integer"
        );
        assert_eq!(
            round_float(f64::INFINITY).unwrap_err().message(),
            "cannot convert float infinity to integer"
        );
        assert_eq!(round_float(1e20).unwrap_err().message(), "integer overflow");
        assert_eq!(round_float_nd(2.675, 2).unwrap(), 2.67);
        assert_eq!(round_float_nd(1250.5, -2).unwrap(), 1300.0);
        assert_eq!(round_float_nd(1.5, -1).unwrap(), 0.0);
        assert_eq!(round_float_nd(-1.5, 0).unwrap(), -2.0);
        assert_eq!(round_float_nd(0.5, 0).unwrap(), 0.0);
        assert_eq!(round_float_nd(1e308, -308).unwrap(), 1e308);
        assert_eq!(
            round_float_nd(1.7976931348623157e308, -308)
                .unwrap_err()
                .message(),
            "rounded value too large to represent"
        );
        assert_eq!(round_float_nd(5e-324, 400).unwrap(), 5e-324);
        assert_eq!(round_float_nd(123.456, -400).unwrap(), 0.0);
        assert!(round_float_nd(-123.456, -400).unwrap().is_sign_negative());
        assert_eq!(round_float_nd(f64::INFINITY, 2).unwrap(), f64::INFINITY);
        assert_eq!(round_float_nd(0.125, 2).unwrap(), 0.12);
        assert!(round_float_nd(-0.0, 1).unwrap().is_sign_negative());
        assert_eq!(round_float_nd(0.0001, 3).unwrap(), 0.0);
        assert_eq!(round_float_nd(1250.0, -2).unwrap(), 1200.0);
        assert_eq!(round_float_nd(-1350.0, -2).unwrap(), -1400.0);
        assert_eq!(round_int_nd(1234, -2).unwrap(), 1200);
        assert_eq!(round_int_nd(1250, -2).unwrap(), 1200);
        assert_eq!(round_int_nd(1350, -2).unwrap(), 1400);
        assert_eq!(round_int_nd(-1250, -2).unwrap(), -1200);
        assert_eq!(round_int_nd(5, 2).unwrap(), 5);
        assert_eq!(round_int_nd(1 << 62, -19).unwrap(), 0);
        assert!(round_int_nd(i64::MAX, -1).is_err());
        assert_eq!(round_int_nd(i64::MAX, -100).unwrap(), 0);
    }

    #[test]
    fn pow_and_friends() {
        assert_eq!(pow_int(2, 62).unwrap(), 1 << 62);
        assert!(pow_int(2, 63).is_err());
        assert_eq!(pow_int(-2, 63).unwrap(), i64::MIN);
        assert_eq!(pow_int(0, 0).unwrap(), 1);
        assert_eq!(pow_int(-1, i64::MAX).unwrap(), -1);
        assert_eq!(pow_int_float(3, -2).unwrap(), 0.1111111111111111);
        assert_eq!(pow_int_float(-1, -3).unwrap(), -1.0);
        assert_eq!(pow_int_float(10, -400).unwrap(), 0.0);
        assert_eq!(
            pow_int_float(0, -1).unwrap_err().message(),
            "0.0 cannot be raised to a negative power"
        );
        let e = pow_float(10.0, 400.0).unwrap_err();
        assert_eq!(
            e.repr(),
            "OverflowError(34, 'Numerical result out of range')"
        );
        assert_eq!(pow_float(f64::INFINITY, 2.0).unwrap(), f64::INFINITY);
        assert_eq!(pow_float(-1.0, f64::INFINITY).unwrap(), 1.0);
        assert_eq!(pow_float(f64::NAN, 0.0).unwrap(), 1.0);
        assert_eq!(pow_float(1.0, f64::NAN).unwrap(), 1.0);
        assert_eq!(pow_float(2.0, -1075.0).unwrap(), 0.0);
        assert_eq!(pow_float(-2.0, 3.0).unwrap(), -8.0);
        assert!(pow_float(-0.0, 3.0).unwrap().is_sign_negative());
        assert!(pow_float(-8.0, 1.0 / 3.0).is_err());
        assert_eq!(pow_mod(-3, 3, 5).unwrap(), 3);
        assert_eq!(pow_mod(3, -1, 7).unwrap(), 5);
        assert_eq!(pow_mod(7, 2, 1).unwrap(), 0);
        assert_eq!(pow_mod(0, 0, 1).unwrap(), 0);
        assert_eq!(pow_mod(2, 3, -5).unwrap(), -2);
        assert_eq!(
            pow_mod(2, 3, 0).unwrap_err().message(),
            "pow() 3rd argument cannot be 0"
        );
        assert_eq!(
            pow_mod(2, -2, 4).unwrap_err().message(),
            "base is not invertible for the given modulus"
        );
        assert_eq!(pow_mod(i64::MAX, i64::MAX, i64::MIN).unwrap(), -1);
        assert_eq!(divmod_int(-7, 2).unwrap(), (-4, 1));
        assert_eq!(divmod_float(7.5, -2.0).unwrap(), (-4.0, -0.5));
        assert_eq!(
            divmod_float(1.0, 0.0).unwrap_err().message(),
            "float divmod()"
        );
        assert!(abs_int(i64::MIN).is_err());
        assert_eq!(abs_float(-0.0).unwrap().to_bits(), 0.0f64.to_bits());
        assert_eq!(hex(-31).unwrap(), "-0x1f");
        assert_eq!(oct(8).unwrap(), "0o10");
        assert_eq!(bin(-5).unwrap(), "-0b101");
        assert_eq!(hex(i64::MIN).unwrap(), "-0x8000000000000000");
        assert_eq!(bin(0).unwrap(), "0b0");
        assert_eq!(int_from_float(-2.9).unwrap(), -2);
    }
}
