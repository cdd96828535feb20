//! `math.frexp`, `math.modf`, `math.ldexp`: a float's parts, with CPython's results for zeros, infinities and nans.

use super::range_error;
use crate::Result;

/// `math.frexp(x)`: the mantissa in [0.5, 1) and the exponent; `(x, 0)` for 0, inf and nan.
pub fn frexp(x: f64) -> Result<(f64, i64)> {
    if x == 0.0 || !x.is_finite() {
        return Ok((x, 0));
    }
    let (mut y, mut e) = (x, 0i64);
    if y.to_bits() >> 52 & 0x7ff == 0 {
        // Subnormal: scale into the normal range first.
        y *= f64::from_bits(0x43f0_0000_0000_0000); // 2**64
        e = -64;
    }
    let bits = y.to_bits();
    let exp = (bits >> 52 & 0x7ff) as i64;
    let m = f64::from_bits(bits & 0x800f_ffff_ffff_ffff | 0x3fe0_0000_0000_0000);
    Ok((m, e + exp - 0x3fe))
}

/// `math.modf(x)`: the fractional and integer parts, both with the sign of `x`.
pub fn modf(x: f64) -> Result<(f64, f64)> {
    if x.is_infinite() {
        return Ok((0.0f64.copysign(x), x));
    }
    if x.is_nan() {
        return Ok((x, x));
    }
    let i = x.trunc();
    Ok(((x - i).copysign(x), i))
}

/// `math.ldexp(x, i)`: `x * 2**i` rounded once, `OverflowError` when it overflows.
pub fn ldexp(x: f64, i: i64) -> Result<f64> {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    let r = if i > i64::from(i32::MAX) {
        f64::INFINITY.copysign(x)
    } else if i < i64::from(i32::MIN) {
        0.0f64.copysign(x)
    } else {
        scalbn(x, i as i32)
    };
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

/// `x * 2**n` with one rounding (musl's `scalbn`).
fn scalbn(x: f64, mut n: i32) -> f64 {
    let mut y = x;
    let p1023 = f64::from_bits(0x7fe0_0000_0000_0000); // 2**1023
    let m1022_53 = f64::from_bits(0x0360_0000_0000_0000); // 2**-1022 * 2**53
    if n > 1023 {
        y *= p1023;
        n -= 1023;
        if n > 1023 {
            y *= p1023;
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        y *= m1022_53;
        n += 1022 - 53;
        if n < -1022 {
            y *= m1022_53;
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    y * f64::from_bits(((0x3ff + n) as u64) << 52)
}
