//! Arithmetic on `Any` with CPython's dispatch and `TypeError` messages (`1 + 'a'`, `'a' * 2.0`, …).

use crate::error::{err, exc, Error};
use crate::value::{Any, PyValue};
use crate::Result;

use super::{
    add_int, float_div_mod, floordiv_int, lshift_int, mod_float, mod_int, mul_int, neg_int,
    rshift_int, sub_int, truediv_float, truediv_int,
};

/// A number operand: bools act as ints.
#[derive(Clone, Copy)]
enum N {
    I(i64),
    F(f64),
}

fn num(a: &Any) -> Option<N> {
    match a {
        Any::Bool(b) => Some(N::I(*b as i64)),
        Any::Int(i) => Some(N::I(*i)),
        Any::Float(f) => Some(N::F(*f)),
        _ => None,
    }
}

fn int_of(a: &Any) -> Option<i64> {
    match a {
        Any::Bool(b) => Some(*b as i64),
        Any::Int(i) => Some(*i),
        _ => None,
    }
}

fn unsupported(op: &str, a: &Any, b: &Any) -> Error {
    Error::new(
        &exc::TypeError,
        format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op,
            a.py_type_name(),
            b.py_type_name()
        ),
    )
}

fn as_f(n: N) -> f64 {
    match n {
        N::I(i) => i as f64,
        N::F(f) => f,
    }
}

/// Applies an int op or a float op to two numbers.
fn arith(
    a: N,
    b: N,
    fi: impl FnOnce(i64, i64) -> Result<i64>,
    ff: impl FnOnce(f64, f64) -> Result<f64>,
) -> Result<Any> {
    match (a, b) {
        (N::I(x), N::I(y)) => Ok(Any::Int(fi(x, y)?)),
        _ => Ok(Any::Float(ff(as_f(a), as_f(b))?)),
    }
}

fn seq_repeat(seq: &Any, n: i64) -> Result<Any> {
    Ok(match seq {
        Any::Str(s) => Any::Str(s.repeat(n)?),
        Any::Bytes(b) => Any::Bytes(b.repeat(n)?),
        Any::List(l) => Any::List(l.repeat(n)?),
        Any::Tuple(t) => {
            let l = crate::value::List::from_vec(t.to_vec()).repeat(n)?;
            Any::tuple(l.to_vec())
        }
        _ => return err(&exc::TypeError, "not a sequence"),
    })
}

fn is_seq(a: &Any) -> bool {
    matches!(
        a,
        Any::Str(_) | Any::Bytes(_) | Any::List(_) | Any::Tuple(_)
    )
}

/// `a + b`.
pub fn add_any(a: &Any, b: &Any) -> Result<Any> {
    if let (Some(x), Some(y)) = (num(a), num(b)) {
        return arith(x, y, add_int, |p, q| Ok(p + q));
    }
    match (a, b) {
        (Any::Str(x), Any::Str(y)) => Ok(Any::Str(x.concat(y)?)),
        (Any::Bytes(x), Any::Bytes(y)) => Ok(Any::Bytes(x.concat(y)?)),
        (Any::List(x), Any::List(y)) => Ok(Any::List(x.concat(y)?)),
        (Any::Tuple(x), Any::Tuple(y)) => {
            let mut v = Vec::new();
            v.try_reserve_exact(x.len().saturating_add(y.len()))
                .map_err(|_| Error::bare(&exc::MemoryError))?;
            v.extend(x.iter().cloned());
            v.extend(y.iter().cloned());
            Ok(Any::tuple(v))
        }
        (Any::Str(_) | Any::List(_) | Any::Tuple(_), _) => err(
            &exc::TypeError,
            format!(
                "can only concatenate {} (not \"{}\") to {}",
                a.py_type_name(),
                b.py_type_name(),
                a.py_type_name()
            ),
        ),
        (Any::Bytes(_), _) => err(
            &exc::TypeError,
            format!("can't concat {} to bytes", b.py_type_name()),
        ),
        _ => Err(unsupported("+", a, b)),
    }
}

/// `a - b`.
pub fn sub_any(a: &Any, b: &Any) -> Result<Any> {
    if let (Some(x), Some(y)) = (num(a), num(b)) {
        return arith(x, y, sub_int, |p, q| Ok(p - q));
    }
    match (a, b) {
        (Any::Set(x), Any::Set(y)) => Ok(Any::Set(x.sub(y)?)),
        _ => Err(unsupported("-", a, b)),
    }
}

/// `a * b`.
pub fn mul_any(a: &Any, b: &Any) -> Result<Any> {
    if let (Some(x), Some(y)) = (num(a), num(b)) {
        return arith(x, y, mul_int, |p, q| Ok(p * q));
    }
    let (seq, n) = if is_seq(a) { (a, b) } else { (b, a) };
    if is_seq(seq) {
        return match int_of(n) {
            Some(k) => seq_repeat(seq, k),
            None if is_seq(n) && is_seq(a) && is_seq(b) => err(
                &exc::TypeError,
                format!(
                    "can't multiply sequence by non-int of type '{}'",
                    b.py_type_name()
                ),
            ),
            None => err(
                &exc::TypeError,
                format!(
                    "can't multiply sequence by non-int of type '{}'",
                    n.py_type_name()
                ),
            ),
        };
    }
    Err(unsupported("*", a, b))
}

/// `a / b`.
pub fn truediv_any(a: &Any, b: &Any) -> Result<Any> {
    match (num(a), num(b)) {
        (Some(N::I(x)), Some(N::I(y))) => Ok(Any::Float(truediv_int(x, y)?)),
        (Some(x), Some(y)) => Ok(Any::Float(truediv_float(as_f(x), as_f(y))?)),
        _ => Err(unsupported("/", a, b)),
    }
}

/// `a // b`.
pub fn floordiv_any(a: &Any, b: &Any) -> Result<Any> {
    match (num(a), num(b)) {
        (Some(x), Some(y)) => arith(x, y, floordiv_int, super::floordiv_float),
        _ => Err(unsupported("//", a, b)),
    }
}

/// `a % b` on numbers (`str % args` is formatting, lowered by the compiler).
pub fn mod_any(a: &Any, b: &Any) -> Result<Any> {
    match (num(a), num(b)) {
        (Some(x), Some(y)) => arith(x, y, mod_int, mod_float),
        _ => Err(unsupported("%", a, b)),
    }
}

/// `divmod(a, b)`.
pub fn divmod_any(a: &Any, b: &Any) -> Result<Any> {
    match (num(a), num(b)) {
        (Some(N::I(x)), Some(N::I(y))) => {
            let q = floordiv_int(x, y)?;
            Ok(Any::tuple(vec![
                Any::Int(q),
                Any::Int(super::int_mod_nonzero(x, y)),
            ]))
        }
        (Some(x), Some(y)) => {
            let (p, q) = (as_f(x), as_f(y));
            if q == 0.0 {
                return err(&exc::ZeroDivisionError, "float divmod()");
            }
            let (d, m) = float_div_mod(p, q);
            Ok(Any::tuple(vec![Any::Float(d), Any::Float(m)]))
        }
        _ => Err(unsupported("divmod()", a, b)),
    }
}

/// `a ** b`.
pub fn pow_any(a: &Any, b: &Any) -> Result<Any> {
    match (num(a), num(b)) {
        (Some(N::I(x)), Some(N::I(y))) => {
            if y < 0 {
                Ok(Any::Float(crate::builtins::pow_int_float(x, y)?))
            } else {
                Ok(Any::Int(crate::builtins::pow_int(x, y)?))
            }
        }
        (Some(x), Some(y)) => Ok(Any::Float(crate::builtins::pow_float(as_f(x), as_f(y))?)),
        _ => Err(unsupported("** or pow()", a, b)),
    }
}

fn bad_unary(op: &str, a: &Any) -> Error {
    Error::new(
        &exc::TypeError,
        format!("bad operand type for unary {}: '{}'", op, a.py_type_name()),
    )
}

/// `-a`.
pub fn neg_any(a: &Any) -> Result<Any> {
    match num(a) {
        Some(N::I(i)) => Ok(Any::Int(neg_int(i)?)),
        Some(N::F(f)) => Ok(Any::Float(-f)),
        None => Err(bad_unary("-", a)),
    }
}

/// `+a`.
pub fn pos_any(a: &Any) -> Result<Any> {
    match num(a) {
        Some(N::I(i)) => Ok(Any::Int(i)),
        Some(N::F(f)) => Ok(Any::Float(f)),
        None => Err(bad_unary("+", a)),
    }
}

/// `~a`.
pub fn invert_any(a: &Any) -> Result<Any> {
    match int_of(a) {
        Some(i) => Ok(Any::Int(!i)),
        None => Err(bad_unary("~", a)),
    }
}

/// `not a`.
pub fn not_any(a: &Any) -> Result<bool> {
    Ok(!a.py_bool()?)
}

fn int_binop(op: &str, a: &Any, b: &Any, f: impl FnOnce(i64, i64) -> Result<i64>) -> Result<Any> {
    match (int_of(a), int_of(b)) {
        (Some(x), Some(y)) => Ok(Any::Int(f(x, y)?)),
        _ => Err(unsupported(op, a, b)),
    }
}

/// `a << b`.
pub fn lshift_any(a: &Any, b: &Any) -> Result<Any> {
    int_binop("<<", a, b, lshift_int)
}

/// `a >> b`.
pub fn rshift_any(a: &Any, b: &Any) -> Result<Any> {
    int_binop(">>", a, b, rshift_int)
}

/// `a & b` (bools give a bool; sets intersect).
pub fn and_any(a: &Any, b: &Any) -> Result<Any> {
    match (a, b) {
        (Any::Bool(x), Any::Bool(y)) => Ok(Any::Bool(*x & *y)),
        (Any::Set(x), Any::Set(y)) => Ok(Any::Set(x.bitand(y)?)),
        _ => int_binop("&", a, b, |x, y| Ok(x & y)),
    }
}

/// `a | b` (bools give a bool; sets and dicts merge).
pub fn or_any(a: &Any, b: &Any) -> Result<Any> {
    match (a, b) {
        (Any::Bool(x), Any::Bool(y)) => Ok(Any::Bool(*x | *y)),
        (Any::Set(x), Any::Set(y)) => Ok(Any::Set(x.bitor(y)?)),
        (Any::Dict(x), Any::Dict(y)) => Ok(Any::Dict(x.bitor(y)?)),
        _ => int_binop("|", a, b, |x, y| Ok(x | y)),
    }
}

/// `a ^ b` (bools give a bool; sets take the symmetric difference).
pub fn xor_any(a: &Any, b: &Any) -> Result<Any> {
    match (a, b) {
        (Any::Bool(x), Any::Bool(y)) => Ok(Any::Bool(*x ^ *y)),
        (Any::Set(x), Any::Set(y)) => Ok(Any::Set(x.bitxor(y)?)),
        _ => int_binop("^", a, b, |x, y| Ok(x ^ y)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{repr, List, Str};

    fn s(x: &str) -> Any {
        Any::Str(Str::new(x))
    }

    fn msg(r: Result<Any>) -> String {
        r.unwrap_err().message().to_string()
    }

    #[test]
    fn dispatch_like_cpython() {
        assert_eq!(
            repr(&add_any(&Any::Int(1), &Any::Bool(true)).unwrap()).unwrap(),
            "2"
        );
        assert_eq!(
            repr(&add_any(&Any::Int(1), &Any::Float(0.5)).unwrap()).unwrap(),
            "1.5"
        );
        assert_eq!(
            repr(&and_any(&Any::Bool(true), &Any::Bool(true)).unwrap()).unwrap(),
            "True"
        );
        assert_eq!(
            repr(&or_any(&Any::Bool(true), &Any::Int(2)).unwrap()).unwrap(),
            "3"
        );
        assert_eq!(repr(&invert_any(&Any::Bool(true)).unwrap()).unwrap(), "-2");
        assert_eq!(repr(&neg_any(&Any::Bool(true)).unwrap()).unwrap(), "-1");
        assert_eq!(
            repr(&mod_any(&Any::Float(1.5), &Any::Bool(true)).unwrap()).unwrap(),
            "0.5"
        );
        assert_eq!(
            repr(&mul_any(&Any::Int(2), &s("ab")).unwrap()).unwrap(),
            "'abab'"
        );
        assert_eq!(
            msg(add_any(&s("a"), &Any::Int(1))),
            "can only concatenate str (not \"int\") to str"
        );
        let l = Any::List(List::from_vec(vec![Any::Int(1)]));
        let t = Any::tuple(vec![Any::Int(1)]);
        assert_eq!(
            msg(add_any(&l, &t)),
            "can only concatenate list (not \"tuple\") to list"
        );
        assert_eq!(
            msg(add_any(&t, &l)),
            "can only concatenate tuple (not \"list\") to tuple"
        );
        assert_eq!(
            msg(add_any(&Any::Bytes(crate::Bytes::new(b"a")), &Any::Int(1))),
            "can't concat int to bytes"
        );
        assert_eq!(
            msg(add_any(&Any::Int(1), &s("a"))),
            "unsupported operand type(s) for +: 'int' and 'str'"
        );
        assert_eq!(
            msg(add_any(&Any::None, &Any::Int(1))),
            "unsupported operand type(s) for +: 'NoneType' and 'int'"
        );
        assert_eq!(
            msg(mul_any(&s("a"), &Any::Float(2.0))),
            "can't multiply sequence by non-int of type 'float'"
        );
        assert_eq!(
            msg(mul_any(&l, &s("a"))),
            "can't multiply sequence by non-int of type 'str'"
        );
        assert_eq!(
            msg(mul_any(&Any::Float(2.0), &s("a"))),
            "can't multiply sequence by non-int of type 'float'"
        );
        assert_eq!(
            msg(sub_any(&s("a"), &s("b"))),
            "unsupported operand type(s) for -: 'str' and 'str'"
        );
        assert_eq!(
            msg(invert_any(&Any::Float(1.5))),
            "bad operand type for unary ~: 'float'"
        );
        assert_eq!(
            msg(lshift_any(&Any::Int(1), &Any::Float(1.0))),
            "unsupported operand type(s) for <<: 'int' and 'float'"
        );
        assert_eq!(
            repr(&pow_any(&Any::Int(3), &Any::Int(-2)).unwrap()).unwrap(),
            "0.1111111111111111"
        );
        assert_eq!(
            repr(&divmod_any(&Any::Float(-7.5), &Any::Int(2)).unwrap()).unwrap(),
            "(-4.0, 0.5)"
        );
    }
}
