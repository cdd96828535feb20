//! `int`, `float`, `bool`, `None` and `Optional[T]` as script values: repr, equality, truth, ordering and CPython's hashes.

use crate::value::traits::{CmpOp, PyOrd, PyValue};
use crate::Result;
use std::cmp::Ordering;

/// The modulus of CPython's numeric hash (`sys.hash_info.modulus`).
const HASH_MODULUS: u128 = (1u128 << 61) - 1;

/// `hash(i)` for an int, as CPython computes it.
pub fn hash_int(i: i64) -> i64 {
    let m = (i.unsigned_abs() as u128 % HASH_MODULUS) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(x)` for a float, as CPython computes it (equal to the hash of an
/// equal int; `hash(inf) == 314159`; nan hashes to 0 here, by identity in CPython).
pub fn hash_float(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    if x == 0.0 {
        return 0;
    }
    let bits = x.to_bits();
    let neg = bits >> 63 == 1;
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    // x = mant * 2^exp exactly.
    let (mant, exp) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_bits - 1075)
    };
    // 2^61 == 1 (mod P), so 2^e == 2^(e mod 61).
    let e = exp.rem_euclid(61) as u32;
    let r = (mant as u128 % HASH_MODULUS) * ((1u128 << e) % HASH_MODULUS) % HASH_MODULUS;
    let h = if neg { -(r as i64) } else { r as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `repr(x)` of a float, as CPython writes it (`1.0`, `1e+16`, `inf`, `nan`).
pub(crate) fn float_repr(x: f64) -> String {
    crate::fmt::float_repr(x)
}

/// Exact comparison of an int with a float, as CPython does it (no rounding
/// of the int); `None` when the float is nan.
pub fn cmp_int_float(i: i64, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    // Every finite float in (-2^63, 2^63) converts exactly once truncated.
    const TWO63: f64 = 9_223_372_036_854_775_808.0;
    if f >= TWO63 {
        return Some(Ordering::Less);
    }
    if f < -TWO63 {
        return Some(Ordering::Greater);
    }
    let t = f.trunc();
    let ti = t as i64;
    match i.cmp(&ti) {
        Ordering::Equal => {
            let frac = f - t;
            Some(if frac > 0.0 {
                Ordering::Less
            } else if frac < 0.0 {
                Ordering::Greater
            } else {
                Ordering::Equal
            })
        }
        o => Some(o),
    }
}

impl PyValue for i64 {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        out.push_str(itoa_i64(*self).as_str());
        Ok(())
    }
    fn py_eq(&self, other: &Self) -> Result<bool> {
        Ok(self == other)
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(*self != 0)
    }
    fn py_type_name(&self) -> &'static str {
        "int"
    }
    fn py_hash(&self) -> Result<i64> {
        Ok(hash_int(*self))
    }
}

/// `PyOrd` where Rust's order is Python's: numbers (a NaN compares false both ways), `bool`
/// (`False < True`), `str` by code point (UTF-8 byte order is code-point order), `bytes`.
macro_rules! py_ord_native {
    ($($t:ty),*) => { $(
        impl PyOrd for $t {
            fn py_lt(&self, other: &Self) -> Result<bool> {
                Ok(self < other)
            }
            fn py_le(&self, other: &Self) -> Result<bool> {
                Ok(self <= other)
            }
            fn py_gt(&self, other: &Self) -> Result<bool> {
                Ok(self > other)
            }
            fn py_ge(&self, other: &Self) -> Result<bool> {
                Ok(self >= other)
            }
        }
    )* };
}

py_ord_native!(i64, f64, bool, crate::Str, crate::Bytes);

fn itoa_i64(i: i64) -> String {
    i.to_string()
}

impl PyValue for f64 {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        out.push_str(&float_repr(*self));
        Ok(())
    }
    fn py_eq(&self, other: &Self) -> Result<bool> {
        Ok(self == other)
    }
    /// A nan is the nan of the same bits (see [`PyValue::py_is`]).
    fn py_is(&self, other: &Self) -> bool {
        self.is_nan() && self.to_bits() == other.to_bits()
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(*self != 0.0)
    }
    fn py_type_name(&self) -> &'static str {
        "float"
    }
    fn py_hash(&self) -> Result<i64> {
        Ok(hash_float(*self))
    }
}

impl PyValue for bool {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        out.push_str(if *self { "True" } else { "False" });
        Ok(())
    }
    fn py_eq(&self, other: &Self) -> Result<bool> {
        Ok(self == other)
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(*self)
    }
    fn py_type_name(&self) -> &'static str {
        "bool"
    }
    fn py_hash(&self) -> Result<i64> {
        Ok(*self as i64)
    }
}

/// The hash used for `None` (CPython 3.11 hashes it by address; any constant is faithful).
const NONE_HASH: i64 = 0x5f3_7e11;

impl PyValue for () {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        out.push_str("None");
        Ok(())
    }
    fn py_eq(&self, _other: &Self) -> Result<bool> {
        Ok(true)
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(false)
    }
    fn py_type_name(&self) -> &'static str {
        "NoneType"
    }
    fn py_hash(&self) -> Result<i64> {
        Ok(NONE_HASH)
    }
}

impl<T: PyValue> PyValue for Option<T> {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        match self {
            None => {
                out.push_str("None");
                Ok(())
            }
            Some(v) => v.py_repr(out),
        }
    }
    fn py_str(&self, out: &mut String) -> Result<()> {
        match self {
            None => {
                out.push_str("None");
                Ok(())
            }
            Some(v) => v.py_str(out),
        }
    }
    fn py_is(&self, other: &Self) -> bool {
        match (self, other) {
            (Some(a), Some(b)) => a.py_is(b),
            _ => false,
        }
    }
    fn py_eq(&self, other: &Self) -> Result<bool> {
        match (self, other) {
            (None, None) => Ok(true),
            (Some(a), Some(b)) => a.py_eq(b),
            _ => Ok(false),
        }
    }
    fn py_bool(&self) -> Result<bool> {
        match self {
            None => Ok(false),
            Some(v) => v.py_bool(),
        }
    }
    fn py_type_name(&self) -> &'static str {
        match self {
            None => "NoneType",
            Some(v) => v.py_type_name(),
        }
    }
    fn py_hash(&self) -> Result<i64> {
        match self {
            None => Ok(NONE_HASH),
            Some(v) => v.py_hash(),
        }
    }
    fn py_check_hashable(&self) -> Result<()> {
        match self {
            None => Ok(()),
            Some(v) => v.py_check_hashable(),
        }
    }
}

fn opt_cmp<T: PyOrd>(a: &Option<T>, b: &Option<T>, op: CmpOp) -> Result<bool> {
    match (a, b) {
        (Some(x), Some(y)) => x.py_cmp(y, op),
        _ => Err(op.unsupported(a.py_type_name(), b.py_type_name())),
    }
}

/// `Optional[T]` orders like `T` when both sides hold a value; `None` on either
/// side raises CPython's `TypeError`.
impl<T: PyOrd> PyOrd for Option<T> {
    fn py_lt(&self, other: &Self) -> Result<bool> {
        opt_cmp(self, other, CmpOp::Lt)
    }
    fn py_le(&self, other: &Self) -> Result<bool> {
        opt_cmp(self, other, CmpOp::Le)
    }
    fn py_gt(&self, other: &Self) -> Result<bool> {
        opt_cmp(self, other, CmpOp::Gt)
    }
    fn py_ge(&self, other: &Self) -> Result<bool> {
        opt_cmp(self, other, CmpOp::Ge)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::repr;

    #[test]
    fn hashes_match_cpython() {
        // python3 -c "print(hash(-1), hash(2**61), hash(-2**63), hash(2**63-1))"
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(1 << 61), 1);
        assert_eq!(hash_int(i64::MIN), -4);
        assert_eq!(hash_int(i64::MAX), 3);
        // python3 -c "print(hash(1.5), hash(-0.5), hash(1e300), hash(5e-324), hash(float('inf')))"
        assert_eq!(hash_float(1.5), 1152921504606846977);
        assert_eq!(hash_float(-0.5), -1152921504606846976);
        assert_eq!(hash_float(1e300), 1224995262755759164);
        assert_eq!(hash_float(5e-324), 16777216);
        assert_eq!(hash_float(f64::INFINITY), 314159);
        assert_eq!(hash_float(3.0), 3);
        assert_eq!(hash_float(-1.0), -2);
    }

    #[test]
    fn int_float_compare() {
        assert_eq!(
            cmp_int_float(i64::MAX, 9.223372036854776e18),
            Some(Ordering::Less)
        );
        assert_eq!(cmp_int_float(3, 3.0), Some(Ordering::Equal));
        assert_eq!(cmp_int_float(3, 3.5), Some(Ordering::Less));
        assert_eq!(cmp_int_float(-3, -3.5), Some(Ordering::Greater));
        assert_eq!(cmp_int_float(0, f64::NAN), None);
        assert_eq!(
            cmp_int_float(i64::MIN, -9.223372036854776e18),
            Some(Ordering::Equal)
        );
    }

    #[test]
    fn reprs() {
        assert_eq!(repr(&-5i64).unwrap(), "-5");
        assert_eq!(repr(&true).unwrap(), "True");
        assert_eq!(repr(&()).unwrap(), "None");
        assert_eq!(repr(&Some(3i64)).unwrap(), "3");
        assert_eq!(repr(&None::<i64>).unwrap(), "None");
        assert_eq!(repr(&1e16).unwrap(), "1e+16");
        assert_eq!(repr(&-0.0).unwrap(), "-0.0");
    }

    #[test]
    fn option_order() {
        let e = Some(1i64).py_lt(&None).unwrap_err();
        assert_eq!(
            e.message(),
            "'<' not supported between instances of 'int' and 'NoneType'"
        );
        let e = None::<i64>.py_ge(&Some(1)).unwrap_err();
        assert_eq!(
            e.message(),
            "'>=' not supported between instances of 'NoneType' and 'int'"
        );
        assert!(Some(1i64).py_lt(&Some(2)).unwrap());
        assert!(0.0f64.py_eq(&-0.0).unwrap());
        assert!(!f64::NAN.py_eq(&f64::NAN).unwrap());
    }
}
