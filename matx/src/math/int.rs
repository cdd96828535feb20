//! Integer functions of the math module: `factorial`, `gcd`, `lcm`, `comb`, `perm`, `isqrt`, `prod`.

use crate::error::{err, exc};
use crate::ops::overflow;
use crate::value::List;
use crate::Result;

/// `math.factorial(n)`.
pub fn factorial(n: i64) -> Result<i64> {
    if n < 0 {
        return err(
            &exc::ValueError,
            "factorial() not defined for negative values",
        );
    }
    let mut acc: i64 = 1;
    for k in 2..=n {
        acc = acc.checked_mul(k).ok_or_else(overflow)?;
    }
    Ok(acc)
}

fn gcd_u(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// `math.gcd(a, b)` (non-negative).
pub fn gcd(a: i64, b: i64) -> Result<i64> {
    i64::try_from(gcd_u(a.unsigned_abs(), b.unsigned_abs())).map_err(|_| overflow())
}

/// `math.gcd(*items)`.
pub fn gcd_list(items: Vec<i64>) -> Result<i64> {
    items.into_iter().try_fold(0, gcd)
}

/// `math.lcm(a, b)` (non-negative).
pub fn lcm(a: i64, b: i64) -> Result<i64> {
    if a == 0 || b == 0 {
        return Ok(0);
    }
    let g = gcd_u(a.unsigned_abs(), b.unsigned_abs());
    let r = (a.unsigned_abs() / g) as u128 * b.unsigned_abs() as u128;
    i64::try_from(r).map_err(|_| overflow())
}

/// `math.lcm(*items)`.
pub fn lcm_list(items: Vec<i64>) -> Result<i64> {
    items.into_iter().try_fold(1, lcm)
}

fn check_nk(n: i64, k: i64) -> Result<()> {
    if n < 0 {
        return err(&exc::ValueError, "n must be a non-negative integer");
    }
    if k < 0 {
        return err(&exc::ValueError, "k must be a non-negative integer");
    }
    Ok(())
}

/// `math.comb(n, k)`.
pub fn comb(n: i64, k: i64) -> Result<i64> {
    check_nk(n, k)?;
    if k > n {
        return Ok(0);
    }
    let k = k.min(n - k);
    let mut acc: u128 = 1;
    for i in 0..k {
        // acc * (n - i) / (i + 1) stays exact: acc is C(n, i).
        let num = acc.checked_mul((n - i) as u128).ok_or_else(overflow)?;
        acc = num / (i + 1) as u128;
        if acc > i64::MAX as u128 {
            return Err(overflow());
        }
    }
    Ok(acc as i64)
}

/// `math.perm(n, k)`.
pub fn perm(n: i64, k: i64) -> Result<i64> {
    check_nk(n, k)?;
    if k > n {
        return Ok(0);
    }
    let mut acc: i64 = 1;
    for i in 0..k {
        acc = acc.checked_mul(n - i).ok_or_else(overflow)?;
    }
    Ok(acc)
}

/// `math.isqrt(n)`.
pub fn isqrt(n: i64) -> Result<i64> {
    if n < 0 {
        return err(&exc::ValueError, "isqrt() argument must be nonnegative");
    }
    let mut x = (n as f64).sqrt() as i64;
    while x > 0 && (x as i128) * (x as i128) > n as i128 {
        x -= 1;
    }
    while ((x + 1) as i128) * ((x + 1) as i128) <= n as i128 {
        x += 1;
    }
    Ok(x)
}

/// `math.prod(items, start=start)` on ints.
pub fn prod_int(items: List<i64>, start: i64) -> Result<i64> {
    items.with_read(|v| {
        v.iter()
            .try_fold(start, |acc, &x| acc.checked_mul(x))
            .ok_or_else(overflow)
    })
}

/// `math.prod(items, start=start)` on floats.
pub fn prod_float(items: List<f64>, start: f64) -> Result<f64> {
    Ok(items.with_read(|v| v.iter().fold(start, |acc, &x| acc * x)))
}

/// `math.floor(n)` of an int: the int itself (CPython's `int.__floor__`, exact beyond 2**53).
pub fn floor_int(n: i64) -> Result<i64> {
    Ok(n)
}

/// `math.ceil(n)` of an int: the int itself.
pub fn ceil_int(n: i64) -> Result<i64> {
    Ok(n)
}

/// `math.trunc(n)` of an int: the int itself.
pub fn trunc_int(n: i64) -> Result<i64> {
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_functions_like_cpython() {
        assert_eq!(
            factorial(-1).unwrap_err().message(),
            "factorial() not defined for negative values"
        );
        assert_eq!(factorial(20).unwrap(), 2432902008176640000);
        assert!(factorial(21).unwrap_err().is_instance(&exc::OverflowError));
        assert_eq!(factorial(0).unwrap(), 1);
        assert_eq!(gcd(-12, 18).unwrap(), 6);
        assert_eq!(gcd(0, 0).unwrap(), 0);
        assert!(gcd(i64::MIN, 0).is_err());
        assert_eq!(gcd_list(vec![12, 18, 8]).unwrap(), 2);
        assert_eq!(lcm(-4, 6).unwrap(), 12);
        assert_eq!(lcm(0, 5).unwrap(), 0);
        assert!(lcm(1 << 40, (1 << 40) + 1).is_err());
        assert_eq!(lcm_list(vec![2, 3, 4]).unwrap(), 12);
        assert_eq!(comb(5, 2).unwrap(), 10);
        assert_eq!(
            comb(-1, 2).unwrap_err().message(),
            "n must be a non-negative integer"
        );
        assert_eq!(
            comb(5, -1).unwrap_err().message(),
            "k must be a non-negative integer"
        );
        assert_eq!(comb(2, 5).unwrap(), 0);
        assert_eq!(comb(62, 31).unwrap(), 465428353255261088);
        assert!(comb(67, 33).is_err());
        assert_eq!(perm(5, 2).unwrap(), 20);
        assert_eq!(
            perm(5, -1).unwrap_err().message(),
            "k must be a non-negative integer"
        );
        assert_eq!(
            perm(-5, 1).unwrap_err().message(),
            "n must be a non-negative integer"
        );
        assert!(perm(30, 20).is_err());
        assert_eq!(
            isqrt(-1).unwrap_err().message(),
            "isqrt() argument must be nonnegative"
        );
        assert_eq!(isqrt(i64::MAX).unwrap(), 3037000499);
        assert_eq!(isqrt(15).unwrap(), 3);
        assert_eq!(isqrt(16).unwrap(), 4);
        assert_eq!(prod_int(List::from_vec(vec![1, 2, 3]), 1).unwrap(), 6);
        assert_eq!(prod_int(List::new(), 1).unwrap(), 1);
        assert_eq!(
            prod_float(List::from_vec(vec![1.5, 2.0]), 1.0).unwrap(),
            3.0
        );
    }
}
