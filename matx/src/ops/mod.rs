//! Operators with Python semantics: checked int arithmetic, floor division and modulo, shifts, int/float comparisons, and dynamic dispatch on `Any`.

mod any;

pub use self::any::*;

use crate::error::{err, exc, Error};
use crate::value::{cmp_int_float, CmpOp};
use crate::Result;

/// `OverflowError: integer overflow` (ints are 64-bit: a documented deviation).
pub fn overflow() -> Error {
    Error::new(&exc::OverflowError, "integer overflow")
}

/// `a + b` on ints.
#[inline]
pub fn add_int(a: i64, b: i64) -> Result<i64> {
    a.checked_add(b).ok_or_else(overflow)
}

/// `a - b` on ints.
#[inline]
pub fn sub_int(a: i64, b: i64) -> Result<i64> {
    a.checked_sub(b).ok_or_else(overflow)
}

/// `a * b` on ints.
#[inline]
pub fn mul_int(a: i64, b: i64) -> Result<i64> {
    a.checked_mul(b).ok_or_else(overflow)
}

/// `-a` on ints.
#[inline]
pub fn neg_int(a: i64) -> Result<i64> {
    a.checked_neg().ok_or_else(overflow)
}

/// `~a` on ints.
#[inline]
pub fn invert_int(a: i64) -> i64 {
    !a
}

/// `a // b` on ints (rounds toward negative infinity).
#[inline]
pub fn floordiv_int(a: i64, b: i64) -> Result<i64> {
    if b == 0 {
        return err(
            &exc::ZeroDivisionError,
            "integer division or modulo by zero",
        );
    }
    let q = a.checked_div(b).ok_or_else(overflow)?;
    if a % b != 0 && ((a < 0) != (b < 0)) {
        Ok(q - 1)
    } else {
        Ok(q)
    }
}

/// `a % b` on ints (the result has the sign of `b`).
#[inline]
pub fn mod_int(a: i64, b: i64) -> Result<i64> {
    if b == 0 {
        return err(&exc::ZeroDivisionError, "integer modulo by zero");
    }
    Ok(int_mod_nonzero(a, b))
}

#[inline]
pub(crate) fn int_mod_nonzero(a: i64, b: i64) -> i64 {
    let r = a.checked_rem(b).unwrap_or(0);
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

/// `a / b` on ints: the correctly rounded float quotient, as CPython.
pub fn truediv_int(a: i64, b: i64) -> Result<f64> {
    if b == 0 {
        return err(&exc::ZeroDivisionError, "division by zero");
    }
    const EXACT: u64 = 1 << 53;
    if a.unsigned_abs() <= EXACT && b.unsigned_abs() <= EXACT {
        return Ok(a as f64 / b as f64);
    }
    let neg = (a < 0) != (b < 0);
    let n = a.unsigned_abs() as u128;
    let d = b.unsigned_abs() as u128;
    if n == 0 {
        return Ok(if neg { -0.0 } else { 0.0 });
    }
    let nb = 128 - n.leading_zeros() as i32;
    let db = 128 - d.leading_zeros() as i32;
    // Scale so that the quotient has 55 or 56 bits.
    let s = 55 + db - nb;
    let (num, den) = if s >= 0 { (n << s, d) } else { (n, d << -s) };
    let q = num / den;
    let r = num % den;
    let qb = 128 - q.leading_zeros() as i32;
    let extra = qb - 53;
    let low = q & ((1u128 << extra) - 1);
    let half = 1u128 << (extra - 1);
    let mut m = q >> extra;
    if low > half || (low == half && (r != 0 || m & 1 == 1)) {
        m += 1;
    }
    let v = m as f64 * 2f64.powi(extra - s);
    Ok(if neg { -v } else { v })
}

/// `a << n` on ints.
pub fn lshift_int(a: i64, n: i64) -> Result<i64> {
    if n < 0 {
        return err(&exc::ValueError, "negative shift count");
    }
    if a == 0 {
        return Ok(0);
    }
    if n >= 64 {
        return Err(overflow());
    }
    let r = a << n;
    if r >> n != a {
        return Err(overflow());
    }
    Ok(r)
}

/// `a >> n` on ints (floors, as Python).
pub fn rshift_int(a: i64, n: i64) -> Result<i64> {
    if n < 0 {
        return err(&exc::ValueError, "negative shift count");
    }
    if n >= 64 {
        return Ok(if a < 0 { -1 } else { 0 });
    }
    Ok(a >> n)
}

/// `a / b` on floats.
#[inline]
pub fn truediv_float(a: f64, b: f64) -> Result<f64> {
    if b == 0.0 {
        return err(&exc::ZeroDivisionError, "float division by zero");
    }
    Ok(a / b)
}

/// CPython's `_float_div_mod`: `(a // b, a % b)` for `b != 0`.
pub(crate) fn float_div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `a // b` on floats.
pub fn floordiv_float(a: f64, b: f64) -> Result<f64> {
    if b == 0.0 {
        return err(&exc::ZeroDivisionError, "float floor division by zero");
    }
    Ok(float_div_mod(a, b).0)
}

/// `a % b` on floats (the result has the sign of `b`).
pub fn mod_float(a: f64, b: f64) -> Result<f64> {
    if b == 0.0 {
        return err(&exc::ZeroDivisionError, "float modulo");
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Ok(m)
}

/// `i OP f` for an int and a float, compared exactly (no rounding of `i`).
pub fn cmp_int_float_op(i: i64, f: f64, op: CmpOp) -> bool {
    cmp_int_float(i, f).is_some_and(|o| op.holds(o))
}

/// `f OP i` for a float and an int, compared exactly.
pub fn cmp_float_int_op(f: f64, i: i64, op: CmpOp) -> bool {
    cmp_int_float(i, f).is_some_and(|o| op.holds(o.reverse()))
}

/// `i == f` compared exactly.
pub fn eq_int_float(i: i64, f: f64) -> bool {
    cmp_int_float(i, f) == Some(std::cmp::Ordering::Equal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_ops() {
        assert_eq!(floordiv_int(-7, 2).unwrap(), -4);
        assert_eq!(floordiv_int(7, -2).unwrap(), -4);
        assert_eq!(floordiv_int(-8, 2).unwrap(), -4);
        assert_eq!(mod_int(-7, 2).unwrap(), 1);
        assert_eq!(mod_int(7, -2).unwrap(), -1);
        assert_eq!(mod_int(i64::MIN, -1).unwrap(), 0);
        assert_eq!(
            floordiv_int(i64::MIN, -1).unwrap_err().message(),
            "integer overflow"
        );
        assert_eq!(
            floordiv_int(1, 0).unwrap_err().message(),
            "integer division or modulo by zero"
        );
        assert_eq!(
            mod_int(1, 0).unwrap_err().message(),
            "integer modulo by zero"
        );
        assert!(add_int(i64::MAX, 1).is_err());
        assert!(mul_int(1 << 62, 4)
            .unwrap_err()
            .is_instance(&exc::OverflowError));
        assert!(neg_int(i64::MIN).is_err());
        assert_eq!(lshift_int(1, 62).unwrap(), 1 << 62);
        assert!(lshift_int(1, 63).is_err());
        assert_eq!(lshift_int(-1, 63).unwrap(), i64::MIN);
        assert_eq!(
            lshift_int(3, -1).unwrap_err().message(),
            "negative shift count"
        );
        assert_eq!(rshift_int(-5, 1).unwrap(), -3);
        assert_eq!(rshift_int(-5, 100).unwrap(), -1);
    }

    #[test]
    fn true_division() {
        // python3 -c "print(1/3, (2**63-1)/3, (2**62+1)/(2**55+3), -(2**60+1)/7, -2**63/1)"
        assert_eq!(truediv_int(1, 3).unwrap(), 0.3333333333333333);
        assert_eq!(truediv_int(i64::MAX, 3).unwrap(), 3.0744573456182584e18);
        assert_eq!(
            truediv_int((1 << 62) + 1, (1 << 55) + 3).unwrap(),
            127.99999999999999
        );
        assert_eq!(
            truediv_int(-(1 << 60) - 1, 7).unwrap(),
            -1.647030720866924e17
        );
        assert_eq!(truediv_int(i64::MIN, 1).unwrap(), -9.223372036854776e18);
        assert_eq!(truediv_int(1, 0).unwrap_err().message(), "division by zero");
    }

    #[test]
    fn float_ops() {
        // python3 -c "print(7.5//-2, 7.5%-2, -0.0//1, 0.0//-1, (-1e-300)%1e300, divmod(-7.5, 2))"
        assert_eq!(floordiv_float(7.5, -2.0).unwrap(), -4.0);
        assert_eq!(mod_float(7.5, -2.0).unwrap(), -0.5);
        assert!(floordiv_float(-0.0, 1.0).unwrap().is_sign_negative());
        assert!(floordiv_float(0.0, -1.0).unwrap().is_sign_negative());
        assert_eq!(mod_float(-1e-300, 1e300).unwrap(), 1e300);
        assert_eq!(float_div_mod(-7.5, 2.0), (-4.0, 0.5));
        assert!(mod_float(0.0, -1.0).unwrap().is_sign_negative());
        assert_eq!(
            truediv_float(1.0, 0.0).unwrap_err().message(),
            "float division by zero"
        );
        assert_eq!(
            floordiv_float(1.0, -0.0).unwrap_err().message(),
            "float floor division by zero"
        );
        assert_eq!(mod_float(1.0, 0.0).unwrap_err().message(), "float modulo");
        assert!(cmp_int_float_op(i64::MAX, 9.223372036854776e18, CmpOp::Lt));
        assert!(!eq_int_float((1 << 53) + 1, 9007199254740992.0));
    }
}
