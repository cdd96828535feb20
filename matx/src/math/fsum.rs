//! `math.fsum`: exact floating-point summation (Shewchuk's partials, ported from CPython's `math_fsum`).

use crate::error::{err, exc};
use crate::value::List;
use crate::Result;

/// `math.fsum(items)`: the correctly rounded sum.
pub fn fsum(items: List<f64>) -> Result<f64> {
    let xs = items.to_vec();
    let mut p: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    for &xsave in &xs {
        let mut x = xsave;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return err(&exc::OverflowError, "intermediate overflow in fsum");
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return err(&exc::ValueError, "-inf + inf in fsum");
        }
        return Ok(special_sum);
    }
    let mut n = p.len();
    let mut hi = 0.0f64;
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

/// `math.fsum(items)` of ints: each converted to a float exactly as CPython does, then summed.
pub fn fsum_int(items: crate::List<i64>) -> Result<f64> {
    fsum(crate::List::from_vec(
        items.to_vec().into_iter().map(|i| i as f64).collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: &[f64]) -> Result<f64> {
        fsum(List::from_vec(v.to_vec()))
    }

    #[test]
    fn fsum_like_cpython() {
        assert_eq!(f(&[0.1; 10]).unwrap(), 1.0);
        assert_eq!(
            f(&[1e308, 1e308]).unwrap_err().message(),
            "intermediate overflow in fsum"
        );
        assert_eq!(
            f(&[1e308, 1e308, -1e308]).unwrap_err().message(),
            "intermediate overflow in fsum"
        );
        assert_eq!(
            f(&[f64::INFINITY, f64::NEG_INFINITY])
                .unwrap_err()
                .message(),
            "-inf + inf in fsum"
        );
        assert_eq!(f(&[f64::INFINITY, 1.0]).unwrap(), f64::INFINITY);
        assert!(f(&[f64::NAN, 1.0]).unwrap().is_nan());
        assert_eq!(
            f(&[1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]).unwrap(),
            1e-100
        );
        assert_eq!(f(&[]).unwrap(), 0.0);
    }
}
