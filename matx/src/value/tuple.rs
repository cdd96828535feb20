//! Tuples `(A, B, ...)` of arity 1 to 12 as script values: repr, equality, ordering, CPython's hash, `Any` conversions.

use crate::value::any_conv::{from_any_error, FromAny, ToAny};
use crate::value::traits::{CmpOp, PyOrd, PyValue};
use crate::value::Any;
use crate::Result;
use std::sync::Arc;

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// CPython 3.11's tuple hash (xxHash-based) of the item hashes.
pub fn hash_tuple(items: impl ExactSizeIterator<Item = Result<i64>>) -> Result<i64> {
    let n = items.len() as u64;
    let mut acc = XXPRIME_5;
    for h in items {
        let lane = h? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(n ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

#[inline]
fn sep(out: &mut String, i: usize) {
    if i > 0 {
        out.push_str(", ");
    }
}

macro_rules! tuple_impls {
    ($( $n:literal => ($($T:ident $i:tt),+) )*) => { $(
        impl<$($T: PyValue),+> PyValue for ($($T,)+) {
            fn py_repr(&self, out: &mut String) -> Result<()> {
                out.push('(');
                $( sep(out, $i); self.$i.py_repr(out)?; )+
                if $n == 1 {
                    out.push(',');
                }
                out.push(')');
                Ok(())
            }
            fn py_eq(&self, other: &Self) -> Result<bool> {
                $( if !crate::value::item_eq(&self.$i, &other.$i)? { return Ok(false); } )+
                Ok(true)
            }
            fn py_bool(&self) -> Result<bool> {
                Ok(true)
            }
            fn py_type_name(&self) -> &'static str {
                "tuple"
            }
            fn py_hash(&self) -> Result<i64> {
                hash_tuple([$( self.$i.py_hash() ),+].into_iter())
            }
            fn py_check_hashable(&self) -> Result<()> {
                $( self.$i.py_check_hashable()?; )+
                Ok(())
            }
        }

        impl<$($T: PyOrd),+> PyOrd for ($($T,)+) {
            fn py_lt(&self, other: &Self) -> Result<bool> {
                self.py_cmp(other, CmpOp::Lt)
            }
            fn py_le(&self, other: &Self) -> Result<bool> {
                self.py_cmp(other, CmpOp::Le)
            }
            fn py_gt(&self, other: &Self) -> Result<bool> {
                self.py_cmp(other, CmpOp::Gt)
            }
            fn py_ge(&self, other: &Self) -> Result<bool> {
                self.py_cmp(other, CmpOp::Ge)
            }
            fn py_cmp(&self, other: &Self, op: CmpOp) -> Result<bool> {
                $( if !crate::value::item_eq(&self.$i, &other.$i)? { return self.$i.py_cmp(&other.$i, op); } )+
                Ok(op.holds(std::cmp::Ordering::Equal))
            }
        }

        impl<$($T: ToAny),+> ToAny for ($($T,)+) {
            fn to_any(&self) -> Any {
                Any::Tuple(AnyTuple::from(vec![$( self.$i.to_any() ),+]))
            }
        }

        impl<$($T: FromAny),+> FromAny for ($($T,)+) {
            fn from_any(a: &Any) -> Result<Self> {
                match a {
                    Any::Tuple(t) if t.len() == $n => Ok(($( $T::from_any(&t[$i])?, )+)),
                    _ => Err(from_any_error(concat!("tuple of length ", $n), a)),
                }
            }
            fn from_any_exact(a: &Any) -> Result<Self> {
                match a {
                    Any::Tuple(t) if t.len() == $n => Ok(($( $T::from_any_exact(&t[$i])?, )+)),
                    _ => Err(from_any_error(concat!("tuple of length ", $n), a)),
                }
            }
        }
    )* };
}

tuple_impls! {
    1 => (A 0)
    2 => (A 0, B 1)
    3 => (A 0, B 1, C 2)
    4 => (A 0, B 1, C 2, D 3)
    5 => (A 0, B 1, C 2, D 3, E 4)
    6 => (A 0, B 1, C 2, D 3, E 4, F 5)
    7 => (A 0, B 1, C 2, D 3, E 4, F 5, G 6)
    8 => (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7)
    9 => (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8)
    10 => (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9)
    11 => (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10)
    12 => (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{repr, Str};

    #[test]
    fn tuples() {
        assert_eq!(repr(&(1i64,)).unwrap(), "(1,)");
        assert_eq!(
            repr(&(1i64, Str::new("a"), 2.5f64)).unwrap(),
            "(1, 'a', 2.5)"
        );
        // python3 -c "print(hash((1,2)), hash((1,)), hash((-1, True, 2.5)))"
        assert_eq!((1i64, 2i64).py_hash().unwrap(), -3550055125485641917);
        assert_eq!((1i64,).py_hash().unwrap(), -6644214454873602895);
        assert_eq!(
            (-1i64, true, 2.5f64).py_hash().unwrap(),
            -1027256492723439136
        );
        assert!((1i64, 2i64).py_lt(&(1, 3)).unwrap());
        assert!((1i64, 2i64).py_ge(&(1, 2)).unwrap());
        let e = (1i64, None::<i64>).py_lt(&(1, Some(2))).unwrap_err();
        assert_eq!(
            e.message(),
            "'<' not supported between instances of 'NoneType' and 'int'"
        );
    }
}

/// The items of a dynamic tuple (`Any::Tuple`): shared and immutable. The last handle
/// frees its items on a stack segment of its own when the stack runs low, so a tuple nested
/// 50,000 deep (`t = (t,)` in a loop) is freed without overflowing, as CPython frees it.
#[derive(Clone)]
pub struct AnyTuple(Arc<[Any]>);

impl AnyTuple {
    /// Whether two handles are the same tuple (`a is b`).
    pub fn ptr_eq(&self, other: &AnyTuple) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
    /// Address of the shared items (identity for `id()` and cycle checks).
    pub fn addr(&self) -> usize {
        Arc::as_ptr(&self.0) as *const () as usize
    }
}

impl From<Vec<Any>> for AnyTuple {
    fn from(items: Vec<Any>) -> Self {
        AnyTuple(Arc::from(items))
    }
}

impl std::ops::Deref for AnyTuple {
    type Target = [Any];
    fn deref(&self) -> &[Any] {
        &self.0
    }
}

impl Drop for AnyTuple {
    fn drop(&mut self) {
        if let Some(items) = Arc::get_mut(&mut self.0) {
            if !items.is_empty() {
                crate::value::deep(|| {
                    for x in items.iter_mut() {
                        drop(std::mem::take(x));
                    }
                });
            }
        }
    }
}
