//! DLPack both ways, without copies: `NDArray.__dlpack__` hands a capsule of the array's memory to numpy or torch, and `from_dlpack` wraps a producer's tensor as external storage whose keeper calls the producer's deleter.
//!
//! The structs are DLPack's C ABI (`dlpack.h`, version 1.x): the legacy `DLManagedTensor`
//! in a capsule named `"dltensor"`, and `DLManagedTensorVersioned` in one named
//! `"dltensor_versioned"` when the consumer asks for `max_version >= (1, 0)`. A consumer
//! takes ownership by renaming the capsule `"used_dltensor"` (`"used_dltensor_versioned"`);
//! a capsule freed without being consumed frees the tensor itself.

use matx::ndarray::{DType, DTypeKind, Keeper};
use matx::NDArray;
use pyo3::exceptions::{PyBufferError, PyTypeError, PyValueError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict, PyTuple};
use std::ffi::{c_void, CStr};
use std::ptr::NonNull;

/// `kDLCPU`.
pub(crate) const DL_CPU: i32 = 1;
/// Host memory pinned for a GPU (`kDLCUDAHost`, `kDLROCMHost`): ordinary CPU memory.
const DL_CPU_ACCESSIBLE: [i32; 3] = [DL_CPU, 3, 11];
/// `DLPACK_FLAG_BITMASK_READ_ONLY`.
const FLAG_READ_ONLY: u64 = 1 << 0;
/// `DLPACK_FLAG_BITMASK_IS_COPIED`.
const FLAG_IS_COPIED: u64 = 1 << 1;

const LEGACY: &CStr = c"dltensor";
const LEGACY_USED: &CStr = c"used_dltensor";
const VERSIONED: &CStr = c"dltensor_versioned";
const VERSIONED_USED: &CStr = c"used_dltensor_versioned";

#[repr(C)]
#[derive(Clone, Copy)]
pub struct DLDevice {
    pub device_type: i32,
    pub device_id: i32,
}

#[repr(C)]
#[derive(Clone, Copy)]
pub struct DLDataType {
    /// `kDLInt` 0, `kDLUInt` 1, `kDLFloat` 2, `kDLBfloat` 4, `kDLComplex` 5, `kDLBool` 6.
    pub code: u8,
    pub bits: u8,
    pub lanes: u16,
}

#[repr(C)]
pub struct DLTensor {
    pub data: *mut c_void,
    pub device: DLDevice,
    pub ndim: i32,
    pub dtype: DLDataType,
    pub shape: *mut i64,
    /// In elements; null for C order.
    pub strides: *mut i64,
    pub byte_offset: u64,
}

#[repr(C)]
pub struct DLManagedTensor {
    pub dl_tensor: DLTensor,
    pub manager_ctx: *mut c_void,
    pub deleter: Option<unsafe extern "C" fn(*mut DLManagedTensor)>,
}

#[repr(C)]
#[derive(Clone, Copy)]
pub struct DLPackVersion {
    pub major: u32,
    pub minor: u32,
}

#[repr(C)]
pub struct DLManagedTensorVersioned {
    pub version: DLPackVersion,
    pub manager_ctx: *mut c_void,
    pub deleter: Option<unsafe extern "C" fn(*mut DLManagedTensorVersioned)>,
    pub flags: u64,
    pub dl_tensor: DLTensor,
}

/// What an exported tensor points into: the array (holding its storage) and the shape and
/// strides arrays the `DLTensor` points at.
struct Held {
    _array: NDArray,
    shape: Vec<i64>,
    strides: Vec<i64>,
}

/// A legacy export: the managed tensor first, so a pointer to it is a pointer to the whole.
#[repr(C)]
struct LegacyExport {
    managed: DLManagedTensor,
    held: Held,
}

#[repr(C)]
struct VersionedExport {
    managed: DLManagedTensorVersioned,
    held: Held,
}

/// The deleter of a legacy export: frees the export and the handle it holds.
unsafe extern "C" fn delete_legacy(m: *mut DLManagedTensor) {
    if !m.is_null() {
        // SAFETY: `m` is the first field of a `LegacyExport` made by `Box::into_raw` in
        // `export`; DLPack calls the deleter once.
        drop(unsafe { Box::from_raw(m.cast::<LegacyExport>()) });
    }
}

unsafe extern "C" fn delete_versioned(m: *mut DLManagedTensorVersioned) {
    if !m.is_null() {
        // SAFETY: as in `delete_legacy`, for a `VersionedExport`.
        drop(unsafe { Box::from_raw(m.cast::<VersionedExport>()) });
    }
}

/// The destructor of an exported capsule: frees the tensor unless a consumer took it
/// (renaming the capsule).
unsafe extern "C" fn capsule_destructor_legacy(cap: *mut ffi::PyObject) {
    // SAFETY: `cap` is the capsule being freed (the GIL is held by the caller); IsValid and
    // GetPointer only read it, and IsValid sets no exception.
    unsafe {
        if ffi::PyCapsule_IsValid(cap, LEGACY.as_ptr()) == 1 {
            let m = ffi::PyCapsule_GetPointer(cap, LEGACY.as_ptr()).cast::<DLManagedTensor>();
            if let Some(d) = (*m).deleter {
                d(m);
            }
        }
    }
}

unsafe extern "C" fn capsule_destructor_versioned(cap: *mut ffi::PyObject) {
    // SAFETY: as in `capsule_destructor_legacy`.
    unsafe {
        if ffi::PyCapsule_IsValid(cap, VERSIONED.as_ptr()) == 1 {
            let m = ffi::PyCapsule_GetPointer(cap, VERSIONED.as_ptr())
                .cast::<DLManagedTensorVersioned>();
            if let Some(d) = (*m).deleter {
                d(m);
            }
        }
    }
}

fn dl_dtype(d: DType) -> DLDataType {
    let code = match d.kind() {
        DTypeKind::Int => 0,
        DTypeKind::UInt => 1,
        DTypeKind::Float => 2,
        DTypeKind::Bool => 6,
    };
    DLDataType {
        code,
        bits: (d.itemsize() * 8) as u8,
        lanes: 1,
    }
}

/// The dtype of a DLPack type; `TypeError` naming it when matx has none.
fn from_dl_dtype(t: DLDataType) -> PyResult<DType> {
    let bits = t.bits as usize;
    let kind = match t.code {
        0 => Some(DTypeKind::Int),
        1 => Some(DTypeKind::UInt),
        2 => Some(DTypeKind::Float),
        6 => Some(DTypeKind::Bool),
        _ => None,
    };
    let found = kind
        .filter(|_| t.lanes == 1 && bits.is_multiple_of(8))
        .and_then(|k| DType::from_kind(k, bits / 8));
    found.ok_or_else(|| {
        let name = match t.code {
            0 => format!("int{bits}"),
            1 => format!("uint{bits}"),
            2 => format!("float{bits}"),
            4 => format!("bfloat{bits}"),
            5 => format!("complex{bits}"),
            6 => format!("bool ({bits} bits)"),
            c => format!("DLPack type code {c} ({bits} bits)"),
        };
        let lanes = if t.lanes == 1 {
            String::new()
        } else {
            format!(" with {} lanes", t.lanes)
        };
        PyTypeError::new_err(format!(
            "unsupported dtype {name}{lanes}: matx.NDArray holds bool, int8-64, uint8-64, \
             float16, float32 and float64"
        ))
    })
}

/// `cpu`, `cuda:0`, … for messages.
fn device_name(d: DLDevice) -> String {
    let kind = match d.device_type {
        1 => "cpu",
        2 => "cuda",
        3 => "cuda_host",
        4 => "opencl",
        7 => "vulkan",
        8 => "metal",
        9 => "vpi",
        10 => "rocm",
        11 => "rocm_host",
        12 => "ext_dev",
        13 => "cuda_managed",
        14 => "oneapi",
        15 => "webgpu",
        16 => "hexagon",
        17 => "maia",
        _ => return format!("DLPack device type {} (id {})", d.device_type, d.device_id),
    };
    format!("{kind}:{}", d.device_id)
}

fn check_device(d: DLDevice) -> PyResult<()> {
    if DL_CPU_ACCESSIBLE.contains(&d.device_type) {
        Ok(())
    } else {
        Err(PyBufferError::new_err(format!(
            "from_dlpack: the tensor is on device {}, but matx.NDArray holds CPU memory only \
             (copy it to the CPU first, e.g. tensor.cpu())",
            device_name(d)
        )))
    }
}

/// `a` as a DLPack capsule: versioned (`"dltensor_versioned"`, with its read-only flag)
/// when `versioned`, else legacy (`"dltensor"`, refused for read-only memory, which it
/// cannot mark). `copied` sets the versioned `IS_COPIED` flag.
pub(crate) fn export<'py>(
    py: Python<'py>,
    a: &NDArray,
    versioned: bool,
    copied: bool,
) -> PyResult<Bound<'py, PyCapsule>> {
    if a.is_read_only() && !versioned {
        return Err(PyBufferError::new_err(
            "cannot export a read-only array over legacy DLPack, which cannot mark it \
             read-only (ask for max_version=(1, 0) or later)",
        ));
    }
    let ndim = i32::try_from(a.ndim())
        .map_err(|_| PyBufferError::new_err("too many dimensions for DLPack"))?;
    let mut held = Held {
        _array: a.clone(),
        shape: a.shape(),
        strides: a.strides(),
    };
    let tensor = DLTensor {
        data: a.data_ptr_mut().cast(),
        device: DLDevice {
            device_type: DL_CPU,
            device_id: 0,
        },
        ndim,
        dtype: dl_dtype(a.dtype()),
        shape: held.shape.as_mut_ptr(),
        strides: held.strides.as_mut_ptr(),
        byte_offset: 0,
    };
    // The Vecs' buffers do not move when `held` moves into the box.
    if versioned {
        let mut flags = 0;
        if a.is_read_only() {
            flags |= FLAG_READ_ONLY;
        }
        if copied {
            flags |= FLAG_IS_COPIED;
        }
        let boxed = NonNull::from(Box::leak(Box::new(VersionedExport {
            managed: DLManagedTensorVersioned {
                version: DLPackVersion { major: 1, minor: 0 },
                manager_ctx: std::ptr::null_mut(),
                deleter: Some(delete_versioned),
                flags,
                dl_tensor: tensor,
            },
            held,
        })));
        let export = boxed.as_ptr();
        // SAFETY: `export` is a leaked box, owned by the tensor from here on; its address
        // is its context.
        unsafe { (*export).managed.manager_ctx = export.cast() };
        // The managed tensor is the first field: its address is the box's.
        let ptr = boxed.cast::<c_void>();
        // SAFETY: the pointer is the managed tensor, valid until its deleter runs: the
        // destructor runs the deleter only if no consumer took the tensor (renamed it).
        let cap = unsafe {
            PyCapsule::new_with_pointer_and_destructor(
                py,
                ptr,
                VERSIONED,
                Some(capsule_destructor_versioned),
            )
        };
        if cap.is_err() {
            // SAFETY: the capsule was not made, so the export is still ours alone.
            unsafe { delete_versioned(export.cast()) };
        }
        cap
    } else {
        let boxed = NonNull::from(Box::leak(Box::new(LegacyExport {
            managed: DLManagedTensor {
                dl_tensor: tensor,
                manager_ctx: std::ptr::null_mut(),
                deleter: Some(delete_legacy),
            },
            held,
        })));
        let export = boxed.as_ptr();
        // SAFETY: as above.
        unsafe { (*export).managed.manager_ctx = export.cast() };
        // The managed tensor is the first field: its address is the box's.
        let ptr = boxed.cast::<c_void>();
        // SAFETY: as above.
        let cap = unsafe {
            PyCapsule::new_with_pointer_and_destructor(
                py,
                ptr,
                LEGACY,
                Some(capsule_destructor_legacy),
            )
        };
        if cap.is_err() {
            // SAFETY: as above.
            unsafe { delete_legacy(export.cast()) };
        }
        cap
    }
}

/// `NDArray.__dlpack__(*, stream, max_version, dl_device, copy)` as the array API
/// standard specifies it, for a CPU array.
pub(crate) fn dunder_dlpack<'py>(
    py: Python<'py>,
    a: &NDArray,
    stream: Option<&Bound<'py, PyAny>>,
    max_version: Option<&Bound<'py, PyAny>>,
    dl_device: Option<&Bound<'py, PyAny>>,
    copy: Option<bool>,
) -> PyResult<Bound<'py, PyCapsule>> {
    if let Some(s) = stream.filter(|s| !s.is_none()) {
        return Err(PyBufferError::new_err(format!(
            "matx.NDArray is on the CPU, where stream must be None, not {}",
            s.repr()?
        )));
    }
    let versioned = match max_version.filter(|v| !v.is_none()) {
        None => false,
        Some(v) => {
            let (major, _minor): (i64, i64) = v.extract().map_err(|_| {
                PyTypeError::new_err("max_version must be a tuple (major, minor) or None")
            })?;
            major >= 1
        }
    };
    if let Some(d) = dl_device.filter(|d| !d.is_none()) {
        let (kind, id): (i32, i32) = d.extract().map_err(|_| {
            PyTypeError::new_err("dl_device must be a tuple (device_type, device_id) or None")
        })?;
        if kind != DL_CPU || id != 0 {
            return Err(PyBufferError::new_err(format!(
                "matx.NDArray is on the CPU and cannot be exported to device {}",
                device_name(DLDevice {
                    device_type: kind,
                    device_id: id,
                })
            )));
        }
    }
    if copy == Some(true) {
        let c = crate::call_nogil(py, {
            let a = a.clone();
            move || a.copy()
        })?;
        export(py, &c, versioned, true)
    } else {
        export(py, a, versioned, false)
    }
}

/// Ownership of a consumed producer's tensor: runs the producer's deleter when dropped.
enum Managed {
    Legacy(*mut DLManagedTensor),
    Versioned(*mut DLManagedTensorVersioned),
}

struct DlKeeper(Managed);

// SAFETY: the pointer is only used once, by `Drop`, to call the producer's deleter; DLPack
// producers must accept the deleter being called from any thread, and it is called holding
// the GIL, which Python producers rely on.
unsafe impl Send for DlKeeper {}
// SAFETY: `&DlKeeper` gives no access to anything.
unsafe impl Sync for DlKeeper {}

impl Drop for DlKeeper {
    fn drop(&mut self) {
        let call = || match self.0 {
            // SAFETY: the tensor was handed to us by renaming its capsule; its deleter (if
            // any) is called exactly once, here.
            Managed::Legacy(m) => unsafe {
                if let Some(d) = (*m).deleter {
                    d(m)
                }
            },
            // SAFETY: as above.
            Managed::Versioned(m) => unsafe {
                if let Some(d) = (*m).deleter {
                    d(m)
                }
            },
        };
        // Without an interpreter (it is shutting down) the producer's memory is left to the
        // process's exit: a Python producer's deleter could not run anyway.
        let _ = Python::try_attach(|_| call());
    }
}

/// The tuple-or-None `__dlpack_device__()` of `ob`, when it has one.
fn device_of(ob: &Bound<'_, PyAny>) -> PyResult<Option<DLDevice>> {
    if !ob.hasattr("__dlpack_device__")? {
        return Ok(None);
    }
    let (device_type, device_id): (i32, i32) = ob
        .call_method0("__dlpack_device__")?
        .extract()
        .map_err(|_| {
            PyTypeError::new_err("__dlpack_device__() must return a tuple (device_type, device_id)")
        })?;
    Ok(Some(DLDevice {
        device_type,
        device_id,
    }))
}

/// `from_dlpack(obj)`: `obj` is a DLPack capsule, or has `__dlpack__` (numpy, torch, another
/// module's `NDArray`). Zero-copy: the result keeps the producer's tensor until dropped.
pub(crate) fn from_dlpack(ob: &Bound<'_, PyAny>) -> PyResult<NDArray> {
    if let Ok(cap) = ob.cast::<PyCapsule>() {
        return consume(cap);
    }
    if !ob.hasattr("__dlpack__")? {
        return Err(PyTypeError::new_err(format!(
            "from_dlpack: expected an object with __dlpack__ (a numpy array, a torch tensor) \
             or a DLPack capsule, got {}",
            crate::convert::py_type_name(ob)
        )));
    }
    if let Some(d) = device_of(ob)? {
        check_device(d)?;
    }
    let py = ob.py();
    let kwargs = PyDict::new(py);
    kwargs.set_item("max_version", PyTuple::new(py, [1i64, 0])?)?;
    let cap = match ob.call_method("__dlpack__", (), Some(&kwargs)) {
        Ok(c) => c,
        // A producer from before DLPack 1.0 takes no max_version.
        Err(e) if e.is_instance_of::<PyTypeError>(py) => ob.call_method0("__dlpack__")?,
        Err(e) => return Err(e),
    };
    let cap = cap
        .cast::<PyCapsule>()
        .map_err(|_| PyTypeError::new_err("__dlpack__() did not return a PyCapsule"))?;
    consume(cap)
}

/// Reads the tensor `t` describes as external storage kept by `keeper`.
///
/// # Safety
///
/// `t` must point at the `DLTensor` of a live managed tensor whose ownership `keeper` holds
/// (so dropping `keeper`, which may happen here, frees it: `t` is read before that).
unsafe fn wrap(t: *const DLTensor, read_only: bool, keeper: Keeper) -> PyResult<NDArray> {
    // SAFETY: `t` is live until `keeper` is dropped, which is after these reads.
    let (dtype, ndim, shape_p, strides_p, data, byte_offset) = unsafe {
        let t = &*t;
        (t.dtype, t.ndim, t.shape, t.strides, t.data, t.byte_offset)
    };
    let dtype = from_dl_dtype(dtype)?;
    let ndim = usize::try_from(ndim)
        .map_err(|_| PyValueError::new_err(format!("DLPack tensor with ndim {ndim}")))?;
    if ndim > 0 && shape_p.is_null() {
        return Err(PyValueError::new_err("DLPack tensor without a shape"));
    }
    let read = |p: *mut i64| -> Vec<i64> {
        if ndim == 0 {
            Vec::new()
        } else {
            // SAFETY: DLPack's contract: `shape` (and `strides` unless null) point at `ndim`
            // int64s while the tensor lives (and it does: `keeper` is still held).
            unsafe { std::slice::from_raw_parts(p, ndim).to_vec() }
        }
    };
    let shape = read(shape_p);
    let strides = (!strides_p.is_null()).then(|| read(strides_p));
    let data = data.cast::<u8>().wrapping_add(byte_offset as usize);
    // SAFETY: DLPack's contract: the elements addressed by data + byte_offset, shape and
    // strides are valid CPU memory (the device was checked) until the deleter runs, which
    // `keeper` does when the last array using the memory goes; writable unless flagged
    // read-only (legacy tensors carry no flag and are writable, as numpy treats them).
    unsafe { NDArray::from_external(data, dtype, &shape, strides.as_deref(), read_only, keeper) }
        .map_err(crate::to_pyerr)
}

/// Takes the tensor out of a `"dltensor"` or `"dltensor_versioned"` capsule (renaming it
/// used). Everything is checked before the capsule is renamed: a refused tensor stays the
/// producer's, freed with its capsule.
fn consume(cap: &Bound<'_, PyCapsule>) -> PyResult<NDArray> {
    if cap.is_valid_checked(Some(VERSIONED)) {
        let m = cap
            .pointer_checked(Some(VERSIONED))?
            .cast::<DLManagedTensorVersioned>();
        // SAFETY: a valid "dltensor_versioned" capsule holds a live DLManagedTensorVersioned;
        // its version is read before anything else, as DLPack requires.
        let version = unsafe { (*m.as_ptr()).version };
        if version.major != 1 {
            return Err(PyBufferError::new_err(format!(
                "from_dlpack: DLPack version {}.{} is not supported (matx reads 1.x)",
                version.major, version.minor
            )));
        }
        // SAFETY: as above; version 1 fixes the layout.
        let (device, dtype, flags) = unsafe {
            let t = &(*m.as_ptr()).dl_tensor;
            (t.device, t.dtype, (*m.as_ptr()).flags)
        };
        check_device(device)?;
        from_dl_dtype(dtype)?;
        rename(cap, VERSIONED_USED)?;
        let keeper: Keeper = Box::new(DlKeeper(Managed::Versioned(m.as_ptr())));
        // SAFETY: the tensor is live and now ours; `keeper` owns it. Only the address of its
        // `dl_tensor` is taken here.
        return unsafe {
            wrap(
                &raw const (*m.as_ptr()).dl_tensor,
                flags & FLAG_READ_ONLY != 0,
                keeper,
            )
        };
    }
    if cap.is_valid_checked(Some(LEGACY)) {
        let m = cap.pointer_checked(Some(LEGACY))?.cast::<DLManagedTensor>();
        // SAFETY: a valid "dltensor" capsule holds a live DLManagedTensor.
        let (device, dtype) = unsafe {
            let t = &(*m.as_ptr()).dl_tensor;
            (t.device, t.dtype)
        };
        check_device(device)?;
        from_dl_dtype(dtype)?;
        rename(cap, LEGACY_USED)?;
        let keeper: Keeper = Box::new(DlKeeper(Managed::Legacy(m.as_ptr())));
        // SAFETY: as above.
        return unsafe { wrap(&raw const (*m.as_ptr()).dl_tensor, false, keeper) };
    }
    let name = cap
        .name()
        .ok()
        .flatten()
        // SAFETY: the capsule's name is a C string that lives as long as the capsule.
        .map(|n| unsafe { n.as_cstr() }.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.starts_with("used_") {
        return Err(PyValueError::new_err(
            "from_dlpack: this DLPack capsule was already consumed",
        ));
    }
    Err(PyTypeError::new_err(format!(
        "from_dlpack: expected a capsule named 'dltensor' or 'dltensor_versioned', got {name:?}"
    )))
}

/// Renames `cap` to mark it consumed.
fn rename(cap: &Bound<'_, PyCapsule>, name: &'static CStr) -> PyResult<()> {
    // SAFETY: `cap` is a live capsule; the name is a static C string, as a capsule's name
    // must outlive the capsule.
    if unsafe { ffi::PyCapsule_SetName(cap.as_ptr(), name.as_ptr()) } != 0 {
        return Err(PyErr::fetch(cap.py()));
    }
    Ok(())
}
