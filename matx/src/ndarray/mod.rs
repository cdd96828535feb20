//! `NDArray`: the runtime's n-dimensional array, a shared handle on typed memory (owned, or borrowed zero-copy from numpy, torch or DLPack) viewed through a shape and strides.
//!
//! ```
//! use matx::{Any, DType, List, NDArray};
//! let data = Any::List(List::from_vec(vec![Any::Int(1), Any::Int(2), Any::Int(3), Any::Int(4)]));
//! let a = NDArray::from_list(&data, Some(&[2, 2]), DType::Int32).unwrap();
//! assert_eq!(a.shape(), vec![2, 2]);
//! assert_eq!(matx::repr(&a).unwrap(), "NDArray([[1, 2], [3, 4]], shape=[2, 2], dtype=int32)");
//! let row = a.view_at(1).unwrap(); // a view: writes show through `a`
//! row.set_item(0, &Any::Int(30)).unwrap();
//! assert_eq!(matx::repr(&a.tolist().unwrap()).unwrap(), "[[1, 2], [30, 4]]");
//! ```

mod bulk;
mod dtype;
mod elems;
mod repr;
#[doc(hidden)]
pub mod script;
mod storage;

pub use self::dtype::{f16_to_f64, f64_to_f16, DType, DTypeKind, Elem};
pub use self::elems::{NativeType, Nested};
pub use self::storage::Keeper;

use self::storage::{too_big, Storage};
use crate::error::{err, exc, Error};
use crate::Result;
use std::sync::Arc;

/// An n-dimensional array of numbers, shared by reference like a numpy view: cloning the
/// handle (`b = a`) aliases the same elements, and views (`a[0]`, `reshape`) share them too.
///
/// The elements live in storage that is either owned (64-byte aligned, zero-initialised) or
/// external (memory of a numpy array, a torch tensor, a DLPack producer, kept alive until
/// the last handle goes). `NDArray` is `Send + Sync`: every read and write made through it
/// takes the storage's lock, so threads sharing an array cannot race through matx. Memory
/// shared with a foreign exporter can also be written by that exporter without the lock,
/// as with numpy's buffer protocol; ordering those writes is up to the program.
///
/// `a == b` is identity (the same elements viewed the same way), as the handle is a
/// reference: element-wise comparison is an op, not `==`.
#[derive(Clone)]
pub struct NDArray(Arc<View>);

/// A view of storage: element `(i0, i1, …)` is at element position
/// `offset + i0 * strides[0] + i1 * strides[1] + …` of the storage, every such position
/// lying inside the storage (checked when the view is made).
struct View {
    storage: Arc<Storage>,
    dtype: DType,
    shape: Box<[i64]>,
    /// In elements; negative or zero strides are allowed (reversed and broadcast views).
    strides: Box<[i64]>,
    offset: i64,
}

/// The C-order (row-major) strides of `shape`, in elements.
pub(crate) fn c_strides(shape: &[i64]) -> Vec<i64> {
    let mut strides = vec![0i64; shape.len()];
    let mut acc = 1i64;
    for (s, &n) in strides.iter_mut().zip(shape).rev() {
        *s = acc;
        acc = acc.saturating_mul(n.max(1));
    }
    strides
}

/// The number of elements of `shape`; `ValueError` for a negative dimension or a size beyond
/// 64 bits.
pub(crate) fn checked_size(shape: &[i64]) -> Result<i64> {
    let mut size = 1i64;
    for &n in shape {
        if n < 0 {
            return err(&exc::ValueError, "negative dimensions are not allowed");
        }
        size = size.checked_mul(n).ok_or_else(too_big)?;
    }
    Ok(size)
}

/// `(2, 3)` / `(5,)` / `()`, as numpy prints a shape in its messages.
pub(crate) fn shape_tuple(shape: &[i64]) -> String {
    match shape {
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(|n| n.to_string()).collect();
            format!("({})", parts.join(", "))
        }
    }
}

/// The lowest and highest element positions a view reaches, relative to its element 0
/// (`None` on overflow).
fn span(shape: &[i64], strides: &[i64]) -> Option<(i64, i64)> {
    let (mut lo, mut hi) = (0i64, 0i64);
    for (&n, &s) in shape.iter().zip(strides) {
        let reach = (n - 1).checked_mul(s)?;
        if reach < 0 {
            lo = lo.checked_add(reach)?;
        } else {
            hi = hi.checked_add(reach)?;
        }
    }
    Some((lo, hi))
}

impl NDArray {
    /// A view of `storage`, checked to stay inside it.
    fn from_parts(
        storage: Arc<Storage>,
        dtype: DType,
        shape: Vec<i64>,
        strides: Vec<i64>,
        offset: i64,
    ) -> Result<NDArray> {
        if shape.len() != strides.len() {
            return err(
                &exc::ValueError,
                format!(
                    "strides has {} entries for a shape of {} dimensions",
                    strides.len(),
                    shape.len()
                ),
            );
        }
        let size = checked_size(&shape)?;
        if size > 0 {
            let outside =
                || Error::new(&exc::ValueError, "strides reach outside the array's memory");
            let (lo, hi) = span(&shape, &strides).ok_or_else(too_big)?;
            let first = offset.checked_add(lo).ok_or_else(outside)?;
            let last = offset.checked_add(hi).ok_or_else(outside)?;
            let end = (last as i128 + 1) * dtype.itemsize() as i128;
            if first < 0 || end > storage.len() as i128 {
                return Err(outside());
            }
        }
        Ok(NDArray(Arc::new(View {
            storage,
            dtype,
            shape: shape.into(),
            strides: strides.into(),
            offset,
        })))
    }

    /// A view of this array's storage with another shape, strides and offset.
    fn view(&self, shape: Vec<i64>, strides: Vec<i64>, offset: i64) -> Result<NDArray> {
        NDArray::from_parts(
            Arc::clone(&self.0.storage),
            self.0.dtype,
            shape,
            strides,
            offset,
        )
    }

    /// A new C-contiguous array of `shape`, every element zero (`False`, `0`, `0.0`).
    ///
    /// `ValueError` for a negative dimension or a byte size beyond the address space,
    /// `MemoryError` when the memory cannot be had.
    pub fn zeros(shape: &[i64], dtype: DType) -> Result<NDArray> {
        let size = checked_size(shape)?;
        let bytes = usize::try_from(size)
            .ok()
            .and_then(|n| n.checked_mul(dtype.itemsize()))
            .filter(|&b| b <= isize::MAX as usize)
            .ok_or_else(too_big)?;
        let storage = Storage::zeroed(bytes).map_err(|e| {
            if e.is_instance(&exc::MemoryError) {
                Error::new(
                    &exc::MemoryError,
                    format!(
                        "Unable to allocate {bytes} bytes for an array with shape {} and data type {dtype}",
                        shape_tuple(shape)
                    ),
                )
            } else {
                e
            }
        })?;
        NDArray::from_parts(
            Arc::new(storage),
            dtype,
            shape.to_vec(),
            c_strides(shape),
            0,
        )
    }

    /// An array over memory someone else owns (a numpy array, a DLPack tensor), without
    /// copying. `data` is the address of element `(0, 0, …)`; element `(i0, i1, …)` is at
    /// `data + (i0 * strides[0] + i1 * strides[1] + …) * itemsize` (`strides` in elements, C
    /// order when `None`; negative and zero strides allowed). `keeper` is dropped, on
    /// whatever thread drops the last handle, once no array uses the memory any more.
    ///
    /// `ValueError` when the shape is negative or the strides' reach overflows.
    ///
    /// # Safety
    ///
    /// Until `keeper` is dropped, the bytes of every element so addressed must be valid for
    /// reads, and also for writes unless `read_only`, and must not be freed or reused. They
    /// may be read and written by their owner meanwhile (numpy's buffer protocol has the
    /// same contract): matx orders its own accesses with a lock the owner does not take,
    /// and two arrays made by two calls over the same memory (a numpy array imported twice)
    /// have two locks, so writes to them from different threads must be ordered by the
    /// program, as writes through two numpy views of one buffer must be.
    pub unsafe fn from_external(
        data: *mut u8,
        dtype: DType,
        shape: &[i64],
        strides: Option<&[i64]>,
        read_only: bool,
        keeper: Keeper,
    ) -> Result<NDArray> {
        let strides = match strides {
            Some(s) => s.to_vec(),
            None => c_strides(shape),
        };
        if strides.len() != shape.len() {
            return err(
                &exc::ValueError,
                format!(
                    "strides has {} entries for a shape of {} dimensions",
                    strides.len(),
                    shape.len()
                ),
            );
        }
        let size = checked_size(shape)?;
        let item = dtype.itemsize() as i64;
        let (lo, hi) = if size == 0 {
            (0, -1)
        } else {
            span(shape, &strides).ok_or_else(too_big)?
        };
        let len = hi
            .checked_sub(lo)
            .and_then(|n| n.checked_add(1))
            .and_then(|n| n.checked_mul(item))
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(too_big)?;
        // The storage starts at the lowest element reached (below element 0 when a stride
        // is negative); the address is only computed here, and dereferenced only inside
        // `data`'s valid range, by the contract. (`-lo * item <= len` fits.)
        let below = lo.unsigned_abs() as usize * item as usize;
        let base = data.wrapping_sub(below);
        let base = match std::ptr::NonNull::new(base) {
            Some(p) => p,
            None if size == 0 => std::ptr::NonNull::dangling(),
            None => return err(&exc::ValueError, "the array's data pointer is null"),
        };
        // SAFETY: `base..base + len` covers exactly the elements the view reaches, which the
        // caller guarantees valid (for writes unless `read_only`) while `keeper` lives.
        let storage = unsafe { Storage::external(base, len, read_only, keeper) };
        NDArray::from_parts(Arc::new(storage), dtype, shape.to_vec(), strides, -lo)
    }

    pub fn dtype(&self) -> DType {
        self.0.dtype
    }
    pub fn shape(&self) -> Vec<i64> {
        self.0.shape.to_vec()
    }
    /// The shape without copying it.
    pub fn shape_ref(&self) -> &[i64] {
        &self.0.shape
    }
    /// Strides in elements (numpy's `strides` divided by the item size).
    pub fn strides(&self) -> Vec<i64> {
        self.0.strides.to_vec()
    }
    /// The strides without copying them.
    pub fn strides_ref(&self) -> &[i64] {
        &self.0.strides
    }
    /// Number of dimensions.
    pub fn ndim(&self) -> i64 {
        self.0.shape.len() as i64
    }
    /// Number of elements.
    pub fn size(&self) -> i64 {
        self.0.shape.iter().product()
    }
    /// `len(a)`: the first dimension; `TypeError: len() of unsized object` for a 0-d array.
    pub fn len(&self) -> Result<i64> {
        match self.0.shape.first() {
            Some(&n) => Ok(n),
            None => err(&exc::TypeError, "len() of unsized object"),
        }
    }
    /// Whether the array has no elements.
    pub fn is_empty(&self) -> bool {
        self.size() == 0
    }
    /// The address of element `(0, 0, …)` (for zero-copy checks and handing the memory to
    /// numpy or DLPack; reading through it bypasses the array's lock).
    pub fn data_ptr(&self) -> *const u8 {
        self.data_ptr_mut()
    }
    /// As [`data_ptr`](Self::data_ptr), for exporters whose consumers may write.
    pub fn data_ptr_mut(&self) -> *mut u8 {
        let off = self.0.offset.max(0) as usize * self.0.dtype.itemsize();
        self.0.storage.addr(off)
    }
    /// Whether writes are refused (the memory of a read-only numpy array).
    pub fn is_read_only(&self) -> bool {
        self.0.storage.is_read_only()
    }
    /// Whether the two handles share storage (`numpy.shares_memory`, roughly: views of one
    /// array share it even when they touch different elements).
    pub fn shares_storage(&self, other: &NDArray) -> bool {
        Arc::ptr_eq(&self.0.storage, &other.0.storage)
    }
    /// Whether both handles are the same view of the same storage (`==`).
    pub fn same_view(&self, other: &NDArray) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
            || (self.shares_storage(other)
                && self.0.dtype == other.0.dtype
                && self.0.offset == other.0.offset
                && self.0.shape == other.0.shape
                && self.0.strides == other.0.strides)
    }

    /// Whether the elements are laid out in C order without gaps (numpy's `C_CONTIGUOUS`:
    /// dimensions of length 1 may have any stride, an empty array is contiguous).
    pub fn is_contiguous(&self) -> bool {
        if self.size() == 0 {
            return true;
        }
        let mut expected = 1i64;
        for (&n, &s) in self.0.shape.iter().zip(self.0.strides.iter()).rev() {
            if n != 1 {
                if s != expected {
                    return false;
                }
                expected *= n;
            }
        }
        true
    }

    /// `a[i]` as an array: for `ndim >= 1`, the sub-array at index `i` of the first axis (a
    /// view sharing the elements; 0-d when `a` is 1-d). Negative `i` counts from the end.
    /// `IndexError` as numpy words it.
    pub fn view_at(&self, i: i64) -> Result<NDArray> {
        self.index_axis(0, i)
    }

    /// `IndexError` for indexing axis `axis` of an array with fewer dimensions.
    fn too_many_indices(&self, indexed: usize) -> Error {
        Error::new(
            &exc::IndexError,
            format!(
                "too many indices for array: array is {}-dimensional, but {indexed} were indexed",
                self.0.shape.len()
            ),
        )
    }

    /// The sub-array at index `i` of axis `axis` (a view without that axis; numpy's
    /// `a[:, …, i]`). Negative `i` counts from the end; `IndexError` as numpy words it.
    pub fn index_axis(&self, axis: usize, i: i64) -> Result<NDArray> {
        let Some(&n) = self.0.shape.get(axis) else {
            return Err(self.too_many_indices(axis + 1));
        };
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return err(
                &exc::IndexError,
                format!("index {i} is out of bounds for axis {axis} with size {n}"),
            );
        }
        let mut shape = self.0.shape.to_vec();
        let mut strides = self.0.strides.to_vec();
        shape.remove(axis);
        let s = strides.remove(axis);
        self.view(shape, strides, self.0.offset + j * s)
    }

    /// `a[start:stop:step]` along axis `axis` (a view; numpy's `a[:, …, start:stop:step]`),
    /// the bounds resolved as Python resolves a slice.
    pub fn slice_axis(
        &self,
        axis: usize,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
    ) -> Result<NDArray> {
        let Some(&n) = self.0.shape.get(axis) else {
            return Err(self.too_many_indices(axis + 1));
        };
        let idx = crate::value::slice::slice_indices(n as usize, start, stop, step)?;
        let mut shape = self.0.shape.to_vec();
        let mut strides = self.0.strides.to_vec();
        let s = strides[axis];
        shape[axis] = idx.len as i64;
        if idx.len > 1 {
            strides[axis] = s.checked_mul(idx.step).ok_or_else(too_big)?;
        }
        let offset = if idx.len > 0 {
            self.0.offset + idx.start * s
        } else {
            self.0.offset
        };
        self.view(shape, strides, offset)
    }

    /// The storage position of the element at `index` (one entry per dimension, negative
    /// counting from the end); `IndexError` as numpy words it.
    pub(crate) fn position(&self, index: &[i64]) -> Result<usize> {
        let ndim = self.0.shape.len();
        if index.len() != ndim {
            return err(
                &exc::IndexError,
                format!(
                    "{} indices for array: array is {ndim}-dimensional, but {} were indexed",
                    if index.len() > ndim {
                        "too many"
                    } else {
                        "too few"
                    },
                    index.len()
                ),
            );
        }
        let mut pos = self.0.offset;
        for (axis, ((&i, &n), &s)) in index
            .iter()
            .zip(self.0.shape.iter())
            .zip(self.0.strides.iter())
            .enumerate()
        {
            let j = if i < 0 { i + n } else { i };
            if j < 0 || j >= n {
                return err(
                    &exc::IndexError,
                    format!("index {i} is out of bounds for axis {axis} with size {n}"),
                );
            }
            pos += j * s;
        }
        Ok(pos as usize)
    }

    /// The same elements with a new shape (one entry may be `-1`: inferred). A view when the
    /// array is contiguous, else a contiguous copy first (as numpy's `reshape`).
    /// `ValueError: cannot reshape array of size 6 into shape (4,)` on a size mismatch.
    pub fn reshape(&self, shape: &[i64]) -> Result<NDArray> {
        let size = self.size();
        let mut shape = shape.to_vec();
        let unknown: Vec<usize> = (0..shape.len()).filter(|&k| shape[k] == -1).collect();
        let mismatch = |shape: &[i64]| {
            Error::new(
                &exc::ValueError,
                format!(
                    "cannot reshape array of size {size} into shape {}",
                    shape_tuple(shape)
                ),
            )
        };
        match unknown.as_slice() {
            [] => {}
            [k] => {
                let mut known = 1i64;
                for (d, &n) in shape.iter().enumerate() {
                    if d != *k {
                        if n < 0 {
                            return err(&exc::ValueError, "negative dimensions are not allowed");
                        }
                        known = known.checked_mul(n).ok_or_else(too_big)?;
                    }
                }
                if known == 0 || size % known != 0 {
                    return Err(mismatch(&shape));
                }
                shape[*k] = size / known;
            }
            _ => return err(&exc::ValueError, "can only specify one unknown dimension"),
        }
        if checked_size(&shape)? != size {
            return Err(mismatch(&shape));
        }
        let base = self.contiguous()?;
        let strides = c_strides(&shape);
        base.view(shape, strides, base.0.offset)
    }

    /// The array with its axes reversed (numpy's `a.T`): a view.
    pub fn transpose(&self) -> NDArray {
        let shape: Vec<i64> = self.0.shape.iter().rev().copied().collect();
        let strides: Vec<i64> = self.0.strides.iter().rev().copied().collect();
        NDArray(Arc::new(View {
            storage: Arc::clone(&self.0.storage),
            dtype: self.0.dtype,
            shape: shape.into(),
            strides: strides.into(),
            offset: self.0.offset,
        }))
    }

    /// A view of the same elements with explicit strides (in elements) and offset from this
    /// view's element 0 (numpy's `as_strided`, checked: `ValueError` when the view would
    /// reach outside the storage).
    pub fn as_strided(&self, shape: &[i64], strides: &[i64], offset: i64) -> Result<NDArray> {
        let start = self.0.offset.checked_add(offset).ok_or_else(too_big)?;
        self.view(shape.to_vec(), strides.to_vec(), start)
    }
}
