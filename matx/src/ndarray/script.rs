//! `NDArray` as scripts see it: the properties (`shape`, `dtype`, `ndim`, `size`, `strides`) and methods a script may use (the same names and meaning as the Python class `matx.NDArray`, so CPython running the script calls this code too), each a function taking the array first.

use super::{DType, NDArray};
use crate::rt::TupleN;
use crate::{Any, List, PyLen, Result, Str};

/// `NDArray(data, shape=None, dtype=None)`: nested lists of numbers, or flat data with a
/// shape; the dtype by default as numpy chooses it (bool, int64 or float64).
pub fn new(data: Any, shape: Option<List<i64>>, dtype: Option<Str>) -> Result<NDArray> {
    let dtype = match dtype {
        Some(d) => Some(DType::from_name(d.as_str())?),
        None => None,
    };
    let shape = shape.map(|s| s.to_vec());
    NDArray::from_nested(&data, shape.as_deref(), dtype)
}

/// The property `a.shape`: a tuple of ints, as numpy's.
pub fn shape(a: &NDArray) -> TupleN<i64> {
    TupleN(a.shape_ref().into())
}

/// The property `a.dtype`: numpy's name of the element type (`'int32'`).
pub fn dtype(a: &NDArray) -> Str {
    Str::from(a.dtype().name())
}

/// The property `a.ndim`.
pub fn ndim(a: &NDArray) -> i64 {
    a.ndim()
}

/// The property `a.size`: the number of elements.
pub fn size(a: &NDArray) -> i64 {
    a.size()
}

/// The property `a.strides`: a tuple of byte steps, one per dimension, as numpy's.
pub fn strides(a: &NDArray) -> TupleN<i64> {
    let item = a.dtype().itemsize() as i64;
    TupleN(a.strides_ref().iter().map(|s| s * item).collect())
}

/// `a.is_contiguous()`.
pub fn is_contiguous(a: &NDArray) -> bool {
    a.is_contiguous()
}

/// `a.tolist()`: nested lists of Python numbers, as numpy's.
pub fn tolist(a: &NDArray) -> Result<Any> {
    a.tolist()
}

/// `a.reshape(shape)`: a view when the layout allows, else a copy (as numpy).
pub fn reshape(a: &NDArray, shape: List<i64>) -> Result<NDArray> {
    a.reshape(&shape.to_vec())
}

/// `a.astype(dtype)`: a copy with the elements cast.
pub fn astype(a: &NDArray, dtype: Str) -> Result<NDArray> {
    a.astype(DType::from_name(dtype.as_str())?)
}

/// `a.contiguous()`: `a` itself when C-contiguous, else a contiguous copy.
pub fn contiguous(a: &NDArray) -> Result<NDArray> {
    a.contiguous()
}

/// `a.copy()`.
pub fn copy(a: &NDArray) -> Result<NDArray> {
    a.copy()
}

impl PyLen for NDArray {
    fn py_len(&self) -> Result<i64> {
        self.len()
    }
}
