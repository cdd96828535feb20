//! The memory behind arrays: owned (64-byte aligned, zeroed) or external (a foreign pointer kept valid by a keeper), with the lock that orders every read and write made through matx.

use crate::error::{exc, Error};
use crate::Result;
use parking_lot::{RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::alloc::{alloc_zeroed, dealloc, Layout};
use std::ptr::NonNull;

/// Alignment of owned storage: a cache line, and enough for any SIMD load.
pub(crate) const ALIGN: usize = 64;

/// Keeps the memory of external storage valid; dropped when the last array using the
/// storage goes (a numpy array's reference, a DLPack deleter, a `Vec`).
pub type Keeper = Box<dyn std::any::Any + Send + Sync>;

enum Owner {
    /// Allocated here with this layout.
    Alloc(Layout),
    /// Owned by someone else, alive while the keeper is.
    External(#[allow(dead_code)] Keeper),
}

/// A block of bytes shared by the arrays that view it.
///
/// Every access made through matx takes `lock` (shared to read, exclusive to write), so
/// safe Rust cannot race on the bytes. Memory shared with a foreign exporter (a numpy
/// array, a torch tensor) can also be read and written by that exporter, which does not
/// take this lock, exactly as with numpy's buffer protocol: ordering those accesses is the
/// caller's job, as it is between two numpy arrays sharing memory.
pub(crate) struct Storage {
    ptr: NonNull<u8>,
    len: usize,
    read_only: bool,
    /// Whether code outside matx may read or write the bytes without the lock (memory of a
    /// numpy array or a DLPack producer): such bytes are never borrowed as a Rust slice.
    foreign: bool,
    lock: RwLock<()>,
    owner: Owner,
}

// SAFETY: the bytes behind `ptr` are only reached through `Reader`/`Writer`, which hold the
// lock (shared for reads, exclusive for writes), so no two threads race through matx; the
// keeper is `Send + Sync` itself, and owned memory is freed once, by `Drop`.
unsafe impl Send for Storage {}
// SAFETY: as for `Send`: `&Storage` gives access to the bytes only under the lock.
unsafe impl Sync for Storage {}

impl Storage {
    /// `len` zeroed bytes, aligned to [`ALIGN`]. `MemoryError` when the allocator refuses.
    pub(crate) fn zeroed(len: usize) -> Result<Storage> {
        let layout = Layout::from_size_align(len.max(1), ALIGN).map_err(|_| too_big())?;
        // SAFETY: the layout has a non-zero size.
        let raw = unsafe { alloc_zeroed(layout) };
        let ptr = NonNull::new(raw).ok_or_else(|| {
            Error::new(
                &exc::MemoryError,
                format!("Unable to allocate {len} bytes for an array"),
            )
        })?;
        Ok(Storage {
            ptr,
            len,
            read_only: false,
            foreign: false,
            lock: RwLock::new(()),
            owner: Owner::Alloc(layout),
        })
    }

    /// Storage owning the bytes of `v` (no copy): only matx reaches them, so they may be
    /// borrowed as a slice under the lock.
    pub(crate) fn from_vec<T: Send + Sync + 'static>(mut v: Vec<T>) -> Storage {
        let len = std::mem::size_of_val(v.as_slice());
        let ptr = NonNull::new(v.as_mut_ptr().cast::<u8>()).unwrap_or(NonNull::dangling());
        // Moving the `Vec` into the keeper does not move its heap buffer.
        Storage {
            ptr,
            len,
            read_only: false,
            foreign: false,
            lock: RwLock::new(()),
            owner: Owner::External(Box::new(v)),
        }
    }

    /// Storage over `len` bytes at `ptr` that someone else owns.
    ///
    /// # Safety
    ///
    /// For as long as `keeper` is alive, `ptr..ptr + len` must be valid for reads, and for
    /// writes unless `read_only`; and it must not be freed or reused before `keeper` is
    /// dropped. (Writes by the owner itself are allowed: see [`Storage`].)
    pub(crate) unsafe fn external(
        ptr: NonNull<u8>,
        len: usize,
        read_only: bool,
        keeper: Keeper,
    ) -> Storage {
        Storage {
            ptr,
            len,
            read_only,
            foreign: true,
            lock: RwLock::new(()),
            owner: Owner::External(keeper),
        }
    }

    /// Size in bytes.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The address of byte `off` (for handing the memory to numpy or DLPack; not
    /// dereferenced here, so wrapping arithmetic is fine).
    pub(crate) fn addr(&self, off: usize) -> *mut u8 {
        self.ptr.as_ptr().wrapping_add(off)
    }

    /// Shared access to the bytes for the guard's lifetime.
    pub(crate) fn reader(&self) -> Reader<'_> {
        Reader {
            storage: self,
            _guard: self.lock.read(),
        }
    }

    /// Exclusive access to the bytes; `ValueError: assignment destination is read-only`
    /// for read-only storage (a read-only numpy array), as numpy says it.
    pub(crate) fn writer(&self) -> Result<Writer<'_>> {
        if self.read_only {
            return Err(Error::new(
                &exc::ValueError,
                "assignment destination is read-only",
            ));
        }
        Ok(Writer {
            storage: self,
            _guard: self.lock.write(),
        })
    }

    /// Panics unless `off..off + n` lies inside the storage: every view is checked against
    /// its storage when made, so this never fires on user input.
    #[inline]
    fn check(&self, off: usize, n: usize) {
        assert!(
            off.checked_add(n).is_some_and(|end| end <= self.len),
            "matx::NDArray: element {off}+{n} outside storage of {} bytes",
            self.len
        );
    }

    /// Copies `n <= 8` bytes at `off` out.
    #[inline]
    fn load(&self, off: usize, n: usize) -> [u8; 8] {
        self.check(off, n);
        let mut out = [0u8; 8];
        // SAFETY: `check` kept `off..off + n` inside the storage, which is valid for reads
        // (the constructor's contract); `out` has room for `n <= 8` bytes; raw copies, so no
        // reference to memory another party may write is ever made.
        unsafe { std::ptr::copy_nonoverlapping(self.ptr.as_ptr().add(off), out.as_mut_ptr(), n) };
        out
    }
}

impl Drop for Storage {
    fn drop(&mut self) {
        if let Owner::Alloc(layout) = self.owner {
            // SAFETY: `ptr` came from `alloc_zeroed(layout)` and is freed only here.
            unsafe { dealloc(self.ptr.as_ptr(), layout) };
        }
        // An external keeper is dropped with `owner`, releasing the foreign memory.
    }
}

/// `ValueError` for an array whose byte size does not fit the address space.
pub(crate) fn too_big() -> Error {
    Error::new(
        &exc::ValueError,
        "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.",
    )
}

/// Reads under the shared lock.
pub(crate) struct Reader<'a> {
    storage: &'a Storage,
    _guard: RwLockReadGuard<'a, ()>,
}

impl Reader<'_> {
    /// The `n <= 8` bytes at byte offset `off`.
    #[inline]
    pub(crate) fn load(&self, off: usize, n: usize) -> [u8; 8] {
        self.storage.load(off, n)
    }

    /// The bytes `off..off + n` as a slice, when only matx can reach them (`None` for
    /// foreign memory, which its owner may write without the lock).
    pub(crate) fn slice(&self, off: usize, n: usize) -> Option<&[u8]> {
        if self.storage.foreign {
            return None;
        }
        self.storage.check(off, n);
        // SAFETY: the range lies inside the storage (checked); the memory is owned by matx
        // (allocated here or a `Vec` it keeps), and every write to it goes through a
        // `Writer`, which needs the exclusive lock this reader's shared lock excludes for
        // the slice's lifetime (tied to `self`).
        Some(unsafe { std::slice::from_raw_parts(self.storage.ptr.as_ptr().add(off), n) })
    }

    /// Copies the bytes `off..off + out.len()` into `out`.
    pub(crate) fn copy_to(&self, off: usize, out: &mut [u8]) {
        self.storage.check(off, out.len());
        // SAFETY: the source range was checked against the storage, valid for reads; `out`
        // is a distinct Rust buffer; a raw copy makes no reference to the storage memory.
        unsafe {
            std::ptr::copy_nonoverlapping(
                self.storage.ptr.as_ptr().add(off),
                out.as_mut_ptr(),
                out.len(),
            )
        };
    }
}

/// Writes (and reads) under the exclusive lock.
pub(crate) struct Writer<'a> {
    storage: &'a Storage,
    _guard: RwLockWriteGuard<'a, ()>,
}

impl Writer<'_> {
    /// Stores `bytes` at byte offset `off`.
    #[inline]
    pub(crate) fn store(&mut self, off: usize, bytes: &[u8]) {
        self.storage.check(off, bytes.len());
        // SAFETY: the range was checked against the storage, which is writable (`writer`
        // refuses read-only storage) and exclusively locked; `bytes` is a Rust buffer, never
        // a slice of storage memory (no reference to storage memory is ever made).
        unsafe {
            std::ptr::copy_nonoverlapping(
                bytes.as_ptr(),
                self.storage.ptr.as_ptr().add(off),
                bytes.len(),
            )
        };
    }
}

impl Writer<'_> {
    /// Copies `n` bytes from `src` at `src_off` to `off` (two distinct storages: `src` is
    /// read-locked, this one write-locked).
    pub(crate) fn copy_from(&mut self, off: usize, src: &Reader<'_>, src_off: usize, n: usize) {
        self.storage.check(off, n);
        src.storage.check(src_off, n);
        // SAFETY: both ranges were checked against their storages; the destination is
        // writable and exclusively locked. Two storages can wrap the same foreign memory
        // (one numpy array imported twice), so the ranges may overlap: `copy` allows it.
        unsafe {
            std::ptr::copy(
                src.storage.ptr.as_ptr().add(src_off),
                self.storage.ptr.as_ptr().add(off),
                n,
            )
        };
    }
}
