//! Python `int` objects for the elements of compiled `List[int]` results: small non-negative values (token ids, indices, counts) come from one process-wide table, as CPython keeps -5..=256, so a list of ids converts without allocating an int object per element.

use pyo3::prelude::*;
use pyo3::types::PyInt;
use std::ptr::null_mut;
use std::sync::atomic::{AtomicPtr, Ordering};

/// Values `0..CACHED` are shared (a vocabulary of up to 262,144 ids). The table is 2 MiB of
/// zeroed memory; only the pages of values actually converted are ever touched.
const CACHED: usize = 1 << 18;

/// Each non-null entry owns one reference to an `int` object, never released (Python ints are
/// immutable, so sharing one is invisible except to `is`, which Python leaves unspecified
/// for ints).
static TABLE: [AtomicPtr<pyo3::ffi::PyObject>; CACHED] =
    [const { AtomicPtr::new(null_mut()) }; CACHED];

/// `v` as a Python `int`, shared when it is small and non-negative.
pub(crate) fn int(py: Python<'_>, v: i64) -> Bound<'_, PyAny> {
    let Some(slot) = usize::try_from(v).ok().and_then(|i| TABLE.get(i)) else {
        return PyInt::new(py, v).into_any();
    };
    let cached = slot.load(Ordering::Acquire);
    if !cached.is_null() {
        // SAFETY: the table holds a strong reference to `cached`, never given back, so the
        // object is alive; we hold the GIL (`py`).
        return unsafe { Bound::from_borrowed_ptr(py, cached) };
    }
    let ob = PyInt::new(py, v).into_any();
    let owned = ob.clone().into_ptr();
    if slot
        .compare_exchange(null_mut(), owned, Ordering::AcqRel, Ordering::Acquire)
        .is_err()
    {
        // Another thread filled the slot first (it cannot while we hold the GIL, but the
        // reference must not leak if it ever does).
        // SAFETY: `owned` is the strong reference `into_ptr` gave us; we hold the GIL.
        unsafe { pyo3::ffi::Py_DecRef(owned) };
    }
    ob
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_and_uncached_ints_have_their_values() {
        Python::initialize();
        Python::attach(|py| {
            for v in [
                0,
                1,
                256,
                257,
                30_521,
                (1 << 18) - 1,
                1 << 18,
                -1,
                -6,
                i64::MAX,
                i64::MIN,
            ] {
                let a = int(py, v);
                assert_eq!(a.extract::<i64>().ok(), Some(v));
                let b = int(py, v);
                let shared = (0..1 << 18).contains(&v);
                assert_eq!(a.is(&b), shared || (-5..=256).contains(&v), "{v}");
            }
        });
    }
}
