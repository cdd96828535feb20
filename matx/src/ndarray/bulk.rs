//! Whole-array access for ops that process every element (images, batches): the elements as one Rust slice or `Vec`, and arrays made over a `Vec` without copying it.

use super::elems::NativeType;
use super::storage::Storage;
use super::{c_strides, NDArray};
use crate::error::{err, exc};
use crate::Result;
use std::sync::Arc;

impl NDArray {
    /// `TypeError` unless the array's dtype is `T`'s.
    pub(crate) fn check_dtype<T: NativeType>(&self) -> Result<()> {
        if T::DTYPE != self.0.dtype {
            return err(
                &exc::TypeError,
                format!(
                    "cannot read an array of dtype {} as {}",
                    self.0.dtype,
                    T::DTYPE
                ),
            );
        }
        Ok(())
    }

    /// The byte range of a C-contiguous, non-empty view in its storage.
    fn contiguous_bytes(&self) -> Option<(usize, usize)> {
        if !self.is_contiguous() || self.is_empty() {
            return None;
        }
        let item = self.0.dtype.itemsize();
        let start = usize::try_from(self.0.offset).ok()? * item;
        Some((start, self.size() as usize * item))
    }

    /// The elements of a contiguous array copied out in one block (`None` when the layout
    /// or type needs the element-by-element path).
    pub(crate) fn to_vec_bulk<T: NativeType>(&self) -> Option<Vec<T>> {
        if !T::ANY_BITS {
            return None;
        }
        if self.is_empty() {
            return Some(Vec::new());
        }
        let (start, n) = self.contiguous_bytes()?;
        let zero = T::from_bytes([0; 8]);
        let mut out = vec![zero; self.size() as usize];
        // SAFETY: `out` holds `n` bytes of `T`s (size * itemsize), every bit pattern of which
        // is a valid `T` (`ANY_BITS`); the byte view lives only for this copy.
        let bytes = unsafe { std::slice::from_raw_parts_mut(out.as_mut_ptr().cast::<u8>(), n) };
        self.reader().copy_to(start, bytes);
        Some(out)
    }

    /// Runs `f` on the elements in C order as one slice of `T`: borrowed from the array
    /// when its memory is matx's own, contiguous and aligned (no copy; writers wait until
    /// `f` returns), else a copy. `TypeError` when the dtype is not `T`'s.
    pub fn with_slice<T: NativeType, R>(&self, f: impl FnOnce(&[T]) -> R) -> Result<R> {
        self.check_dtype::<T>()?;
        if T::ANY_BITS {
            if let Some((start, n)) = self.contiguous_bytes() {
                let r = self.reader();
                if let Some(bytes) = r.slice(start, n) {
                    if (bytes.as_ptr() as usize).is_multiple_of(std::mem::align_of::<T>()) {
                        // SAFETY: `bytes` holds `n / size_of::<T>()` aligned `T`s of a type
                        // valid for every bit pattern, borrowed under the read lock `r`.
                        let elems = unsafe {
                            std::slice::from_raw_parts(
                                bytes.as_ptr().cast::<T>(),
                                n / std::mem::size_of::<T>(),
                            )
                        };
                        return Ok(f(elems));
                    }
                }
            }
        }
        let v = self.to_vec::<T>()?;
        Ok(f(&v))
    }

    /// A C-contiguous array of `shape` over `v`'s memory (the caller checked the size).
    pub(crate) fn over_vec<T: NativeType>(shape: &[i64], v: Vec<T>) -> Result<NDArray> {
        if !T::ANY_BITS {
            // bool: stored as 0/1 bytes.
            let bytes: Vec<u8> = v.iter().map(|x| x.to_bytes()[0]).collect();
            let a = NDArray::over_vec(shape, bytes)?;
            return Ok(NDArray(Arc::new(super::View {
                storage: Arc::clone(&a.0.storage),
                dtype: T::DTYPE,
                shape: a.0.shape.clone(),
                strides: a.0.strides.clone(),
                offset: 0,
            })));
        }
        NDArray::from_parts(
            Arc::new(Storage::from_vec(v)),
            T::DTYPE,
            shape.to_vec(),
            c_strides(shape),
            0,
        )
    }
}
