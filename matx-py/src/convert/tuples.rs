//! Tuples: fixed `Tuple[A, B]` as Rust tuples (exact length), `Tuple[T, ...]` as `matx::rt::TupleN`; only a Python `tuple` converts (a list is not a tuple).

use super::{type_name, ConvError, FromCx, FromPyValue, IntoCx, IntoPyValue};
use matx::rt::TupleN;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use std::sync::Arc;

macro_rules! tuple_impls {
    ($n:literal; $($T:ident $i:tt),+) => {
        impl<$($T: FromPyValue),+> FromPyValue for ($($T,)+) {
            fn type_name(out: &mut String) {
                out.push_str("Tuple[");
                $( $T::type_name(out); out.push_str(", "); )+
                out.truncate(out.len() - 2);
                out.push(']');
            }
            fn from_py(ob: &Bound<'_, PyAny>, cx: &mut FromCx) -> Result<Self, ConvError> {
                let Ok(t) = ob.cast::<PyTuple>() else {
                    return Err(ConvError::mismatch::<Self>(ob));
                };
                if t.len() != $n {
                    return Err(ConvError::wrong_len(type_name::<Self>(), t.len()));
                }
                cx.enter()?;
                let v = ($(
                    {
                        let item = t.get_item($i).map_err(ConvError::py)?;
                        $T::from_py(&item, cx).map_err(|e| e.at_index($i))?
                    },
                )+);
                cx.leave();
                Ok(v)
            }
        }

        impl<$($T: IntoPyValue),+> IntoPyValue for ($($T,)+) {
            fn to_py<'py>(&self, cx: &mut IntoCx<'py>) -> PyResult<Bound<'py, PyAny>> {
                cx.enter()?;
                let items = [$( self.$i.to_py(cx)?, )+];
                cx.leave();
                Ok(PyTuple::new(cx.py(), items)?.into_any())
            }
        }
    };
}

tuple_impls!(1; A 0);
tuple_impls!(2; A 0, B 1);
tuple_impls!(3; A 0, B 1, C 2);
tuple_impls!(4; A 0, B 1, C 2, D 3);
tuple_impls!(5; A 0, B 1, C 2, D 3, E 4);
tuple_impls!(6; A 0, B 1, C 2, D 3, E 4, F 5);
tuple_impls!(7; A 0, B 1, C 2, D 3, E 4, F 5, G 6);
tuple_impls!(8; A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);

/// The items of a Python tuple, each converted to `T`.
pub(super) fn tuple_items<T: FromPyValue>(
    t: &Bound<'_, PyTuple>,
    cx: &mut FromCx,
) -> Result<Vec<T>, ConvError> {
    cx.enter()?;
    let mut items = Vec::with_capacity(t.len());
    for (i, item) in t.iter().enumerate() {
        items.push(T::from_py(&item, cx).map_err(|e| e.at_index(i))?);
    }
    cx.leave();
    Ok(items)
}

/// `Tuple[T, ...]`: a tuple of any length.
impl<T: FromPyValue> FromPyValue for TupleN<T> {
    fn type_name(out: &mut String) {
        out.push_str("Tuple[");
        T::type_name(out);
        out.push_str(", ...]");
    }
    fn from_py(ob: &Bound<'_, PyAny>, cx: &mut FromCx) -> Result<Self, ConvError> {
        let Ok(t) = ob.cast::<PyTuple>() else {
            return Err(ConvError::mismatch::<Self>(ob));
        };
        Ok(TupleN(Arc::from(tuple_items::<T>(t, cx)?)))
    }
}

impl<T: IntoPyValue> IntoPyValue for TupleN<T> {
    fn to_py<'py>(&self, cx: &mut IntoCx<'py>) -> PyResult<Bound<'py, PyAny>> {
        slice_to_tuple(&self.0, cx)
    }
}

/// A Python tuple of the converted items.
pub(super) fn slice_to_tuple<'py, T: IntoPyValue>(
    items: &[T],
    cx: &mut IntoCx<'py>,
) -> PyResult<Bound<'py, PyAny>> {
    cx.enter()?;
    let mut out = Vec::with_capacity(items.len());
    for x in items {
        out.push(x.to_py(cx)?);
    }
    cx.leave();
    Ok(PyTuple::new(cx.py(), out)?.into_any())
}
