//! `math`: the functions of Python's math module on floats and ints, with CPython's domain and range errors.

mod fsum;
mod int;
mod parts;

pub use self::fsum::{fsum, fsum_int};
pub use self::int::*;
pub use self::parts::{frexp, ldexp, modf};

use crate::error::{err, exc, Error};
use crate::Result;

pub const PI: f64 = std::f64::consts::PI;
pub const E: f64 = std::f64::consts::E;
pub const TAU: f64 = std::f64::consts::TAU;
pub const INF: f64 = f64::INFINITY;
pub const NAN: f64 = f64::NAN;

/// `math.pi` etc. as functions, for generated code that prefers calls.
pub fn pi() -> f64 {
    PI
}
pub fn e() -> f64 {
    E
}
pub fn tau() -> f64 {
    TAU
}
pub fn inf() -> f64 {
    INF
}
pub fn nan() -> f64 {
    NAN
}

/// `ValueError: math domain error`.
pub fn domain_error() -> Error {
    Error::new(&exc::ValueError, "math domain error")
}

/// `OverflowError: math range error`.
pub fn range_error() -> Error {
    Error::new(&exc::OverflowError, "math range error")
}

/// CPython's `math_1`: a nan from a non-nan is a domain error, an infinity
/// from a finite value is a range error (`can_overflow`) or a domain error.
fn math_1(x: f64, f: impl FnOnce(f64) -> f64, can_overflow: bool) -> Result<f64> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error()
        } else {
            domain_error()
        });
    }
    Ok(r)
}

macro_rules! unary {
    ($($(#[$m:meta])* $name:ident => $f:expr, $ovf:expr;)*) => { $(
        $(#[$m])*
        pub fn $name(x: f64) -> Result<f64> {
            math_1(x, $f, $ovf)
        }
    )* };
}

unary! {
    /// `math.sqrt(x)`.
    sqrt => f64::sqrt, false;
    /// `math.exp(x)`.
    exp => f64::exp, true;
    /// `math.expm1(x)`.
    expm1 => f64::exp_m1, true;
    /// `math.sin(x)`.
    sin => f64::sin, false;
    /// `math.cos(x)`.
    cos => f64::cos, false;
    /// `math.tan(x)`.
    tan => f64::tan, false;
    /// `math.asin(x)`.
    asin => f64::asin, false;
    /// `math.acos(x)`.
    acos => f64::acos, false;
    /// `math.atan(x)`.
    atan => f64::atan, false;
    /// `math.sinh(x)`.
    sinh => f64::sinh, true;
    /// `math.cosh(x)`.
    cosh => f64::cosh, true;
    /// `math.tanh(x)`.
    tanh => f64::tanh, false;
    /// `math.asinh(x)`.
    asinh => f64::asinh, false;
    /// `math.acosh(x)`.
    acosh => f64::acosh, false;
    /// `math.atanh(x)`.
    atanh => f64::atanh, false;
    /// `math.log1p(x)`.
    log1p => f64::ln_1p, false;
}

fn log_with(x: f64, f: impl FnOnce(f64) -> f64) -> Result<f64> {
    if x.is_nan() || x == f64::INFINITY {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error());
    }
    Ok(f(x))
}

/// `math.log(x)`.
pub fn log(x: f64) -> Result<f64> {
    log_with(x, f64::ln)
}

/// `math.log(x, base)`.
pub fn log_base(x: f64, base: f64) -> Result<f64> {
    let num = log(x)?;
    let den = log(base)?;
    if den == 0.0 {
        return err(&exc::ZeroDivisionError, "float division by zero");
    }
    Ok(num / den)
}

/// `math.log2(x)`.
pub fn log2(x: f64) -> Result<f64> {
    log_with(x, f64::log2)
}

/// `math.log10(x)`.
pub fn log10(x: f64) -> Result<f64> {
    log_with(x, f64::log10)
}

/// `math.atan2(y, x)`.
pub fn atan2(y: f64, x: f64) -> Result<f64> {
    Ok(y.atan2(x))
}

/// `math.pow(x, y)`: unlike `**`, `0.0 ** -1` is a domain error.
pub fn pow(x: f64, y: f64) -> Result<f64> {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
        return Ok(r);
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() {
        return Err(if x == 0.0 {
            domain_error()
        } else {
            range_error()
        });
    }
    Ok(r)
}

/// `math.floor(x)` (an int).
pub fn floor(x: f64) -> Result<i64> {
    crate::builtins::int_from_float(x.floor())
}

/// `math.ceil(x)` (an int).
pub fn ceil(x: f64) -> Result<i64> {
    crate::builtins::int_from_float(x.ceil())
}

/// `math.trunc(x)` (an int).
pub fn trunc(x: f64) -> Result<i64> {
    crate::builtins::int_from_float(x)
}

/// `math.fabs(x)`.
pub fn fabs(x: f64) -> Result<f64> {
    Ok(x.abs())
}

/// `math.fmod(x, y)`.
pub fn fmod(x: f64, y: f64) -> Result<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(r)
}

/// `math.copysign(x, y)`.
pub fn copysign(x: f64, y: f64) -> Result<f64> {
    Ok(x.copysign(y))
}

/// `math.hypot(x, y)`.
pub fn hypot(x: f64, y: f64) -> Result<f64> {
    if x.is_infinite() || y.is_infinite() {
        return Ok(f64::INFINITY);
    }
    let r = x.hypot(y);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

/// `math.isnan(x)`.
pub fn isnan(x: f64) -> Result<bool> {
    Ok(x.is_nan())
}

/// `math.isinf(x)`.
pub fn isinf(x: f64) -> Result<bool> {
    Ok(x.is_infinite())
}

/// `math.isfinite(x)`.
pub fn isfinite(x: f64) -> Result<bool> {
    Ok(x.is_finite())
}

/// `math.isclose(a, b, rel_tol=1e-09, abs_tol=0.0)`.
pub fn isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> Result<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return err(&exc::ValueError, "tolerances must be non-negative");
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

/// `math.degrees(x)`.
pub fn degrees(x: f64) -> Result<f64> {
    Ok(x * (180.0 / PI))
}

/// `math.radians(x)`.
pub fn radians(x: f64) -> Result<f64> {
    Ok(x * (PI / 180.0))
}

#[cfg(test)]
#[allow(clippy::approx_constant)]
mod tests {
    use super::*;

    fn m(r: Result<f64>) -> String {
        r.unwrap_err().message().to_string()
    }

    #[test]
    fn errors_like_cpython() {
        assert_eq!(m(sqrt(-1.0)), "math domain error");
        assert_eq!(m(exp(1000.0)), "math range error");
        assert_eq!(m(log(0.0)), "math domain error");
        assert_eq!(m(log(-1.0)), "math domain error");
        assert_eq!(m(log(f64::NEG_INFINITY)), "math domain error");
        assert_eq!(log_base(8.0, 2.0).unwrap(), 3.0);
        assert_eq!(m(log_base(2.0, 1.0)), "float division by zero");
        assert_eq!(m(log1p(-1.0)), "math domain error");
        assert_eq!(m(expm1(1000.0)), "math range error");
        assert_eq!(m(pow(0.0, -1.0)), "math domain error");
        assert_eq!(m(pow(-8.0, 1.0 / 3.0)), "math domain error");
        assert_eq!(m(pow(10.0, 400.0)), "math range error");
        assert_eq!(pow(f64::INFINITY, -3.0).unwrap(), 0.0);
        assert_eq!(m(sin(f64::INFINITY)), "math domain error");
        assert_eq!(m(asin(2.0)), "math domain error");
        assert_eq!(m(cosh(1000.0)), "math range error");
        assert_eq!(m(sinh(1000.0)), "math range error");
        assert_eq!(m(acosh(0.0)), "math domain error");
        assert_eq!(m(atanh(1.0)), "math domain error");
        assert_eq!(
            floor(f64::NAN).unwrap_err().message(),
            "cannot convert float NaN to integer"
        );
        assert_eq!(
            ceil(f64::INFINITY).unwrap_err().message(),
            "cannot convert float infinity to integer"
        );
        assert_eq!(floor(-0.5).unwrap(), -1);
        assert_eq!(trunc(-2.5).unwrap(), -2);
        assert_eq!(m(fmod(1.0, 0.0)), "math domain error");
        assert_eq!(m(fmod(f64::INFINITY, 1.0)), "math domain error");
        assert_eq!(fmod(-5.0, 3.0).unwrap(), -2.0);
        assert_eq!(fmod(1.0, f64::INFINITY).unwrap(), 1.0);
        assert!(isclose(1.0, 1.0000000001, 1e-9, 0.0).unwrap());
        assert_eq!(
            isclose(1.0, 2.0, -1.0, 0.0).unwrap_err().message(),
            "tolerances must be non-negative"
        );
        assert_eq!(hypot(3.0, 4.0).unwrap(), 5.0);
        assert_eq!(degrees(PI).unwrap(), 180.0);
        assert_eq!(radians(180.0).unwrap(), 3.141592653589793);
        assert_eq!(copysign(1.0, -0.0).unwrap(), -1.0);
        assert_eq!(atan2(0.0, -0.0).unwrap(), 3.141592653589793);
        assert_eq!(log10(1000.0).unwrap(), 3.0);
        assert_eq!(log2(1024.0).unwrap(), 10.0);
        assert!(exp(f64::NAN).unwrap().is_nan());
        assert_eq!(log(f64::INFINITY).unwrap(), f64::INFINITY);
        assert_eq!(sqrt(f64::INFINITY).unwrap(), f64::INFINITY);
        assert_eq!(TAU, 6.283185307179586);
    }
}
