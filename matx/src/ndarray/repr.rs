//! `NDArray` as a script value: `repr` (`NDArray([[1, 2], [3, 4]], shape=[2, 2], dtype=int32)`, summarised beyond 1000 elements as numpy does), identity `==`, numpy's truth value, and `Any` conversions.

use super::NDArray;
use crate::error::{err, exc};
use crate::value::{from_any_error, Any, FromAny, PyValue, ToAny};
use crate::Result;

/// Arrays with more elements print only their first and last [`EDGE_ITEMS`] per axis
/// (numpy's `threshold`).
const THRESHOLD: i64 = 1000;
/// Items printed at each end of a summarised axis (numpy's `edgeitems`).
const EDGE_ITEMS: i64 = 3;

impl NDArray {
    /// Appends the elements as nested lists (`[[1, 2], [3, 4]]`; `...` for the middle of
    /// long axes when `summarise`).
    fn write_data(&self, out: &mut String, summarise: bool) {
        fn walk(
            a: &NDArray,
            r: &super::storage::Reader<'_>,
            out: &mut String,
            depth: usize,
            pos: i64,
            summarise: bool,
        ) {
            let item = a.0.dtype.itemsize();
            // A 0-d array prints its element alone.
            if depth == a.0.shape.len() {
                a.0.dtype
                    .decode(r.load(pos as usize * item, item))
                    .repr_into(out);
                return;
            }
            let n = a.0.shape[depth];
            let s = a.0.strides[depth];
            out.push('[');
            let skip = summarise && n > 2 * EDGE_ITEMS;
            let mut first = true;
            let mut i = 0;
            while i < n {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                if skip && i == EDGE_ITEMS {
                    out.push_str("...");
                    i = n - EDGE_ITEMS;
                    continue;
                }
                walk(a, r, out, depth + 1, pos + i * s, summarise);
                i += 1;
            }
            out.push(']');
        }
        let r = self.0.storage.reader();
        walk(self, &r, out, 0, self.0.offset, summarise);
    }
}

impl PyValue for NDArray {
    /// `NDArray([[1, 2], [3, 4]], shape=[2, 2], dtype=int32)`: the elements as `tolist()`
    /// would print them, the shape as `shape()` gives it, and the dtype.
    fn py_repr(&self, out: &mut String) -> Result<()> {
        out.push_str("NDArray(");
        self.write_data(out, self.size() > THRESHOLD);
        out.push_str(", shape=[");
        for (k, n) in self.0.shape.iter().enumerate() {
            if k > 0 {
                out.push_str(", ");
            }
            out.push_str(&n.to_string());
        }
        out.push_str("], dtype=");
        out.push_str(self.0.dtype.name());
        out.push(')');
        Ok(())
    }
    /// Identity: the same elements viewed the same way (the handle is a reference, like a
    /// list's; element-wise comparison is not `==`).
    fn py_eq(&self, other: &Self) -> Result<bool> {
        Ok(self.same_view(other))
    }
    /// numpy's truth value: the element's for a one-element array, else `ValueError`.
    fn py_bool(&self) -> Result<bool> {
        match self.size() {
            1 => Ok(self.to_elems().first().is_some_and(|e| e.truth())),
            0 => err(
                &exc::ValueError,
                "The truth value of an empty array is ambiguous. Use `array.size > 0` to check \
                 that an array is not empty.",
            ),
            _ => err(
                &exc::ValueError,
                "The truth value of an array with more than one element is ambiguous. Use a.any() \
                 or a.all()",
            ),
        }
    }
    fn py_type_name(&self) -> &'static str {
        "NDArray"
    }
}

impl ToAny for NDArray {
    fn to_any(&self) -> Any {
        Any::object(self.clone())
    }
}

impl FromAny for NDArray {
    fn from_any(a: &Any) -> Result<Self> {
        a.downcast::<NDArray>()
            .ok_or_else(|| from_any_error("NDArray", a))
    }
}
