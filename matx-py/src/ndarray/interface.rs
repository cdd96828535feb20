//! numpy's `__array_interface__` (version 3) both ways, without copies: `NDArray.__array_interface__` lets `numpy.asarray` view the array's memory, and `from_numpy` views a numpy array's memory, keeping the array alive.
//!
//! (The buffer protocol would do the same, but it is not part of the limited API that the
//! `abi3-py310` wheel is built against.)

use matx::ndarray::{DType, Keeper};
use matx::NDArray;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

/// `a.__array_interface__`: `shape`, `typestr`, `data: (address, read_only)`, `strides` in
/// bytes (`None` when C-contiguous) and `version: 3`.
pub(crate) fn array_interface<'py>(py: Python<'py>, a: &NDArray) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("shape", PyTuple::new(py, a.shape_ref())?)?;
    d.set_item("typestr", a.dtype().typestr())?;
    d.set_item("data", (a.data_ptr().expose_provenance(), a.is_read_only()))?;
    if a.is_contiguous() {
        d.set_item("strides", py.None())?;
    } else {
        let item = a.dtype().itemsize() as i64;
        let bytes: Vec<i64> = a.strides_ref().iter().map(|s| s * item).collect();
        d.set_item("strides", PyTuple::new(py, bytes)?)?;
    }
    d.set_item("version", 3)?;
    Ok(d)
}

/// Holds the Python object whose memory an array views; releases it holding the GIL.
struct PyKeeper(Option<Py<PyAny>>);

impl Drop for PyKeeper {
    fn drop(&mut self) {
        let mut ob = self.0.take();
        // Attached, the reference goes now (and with it, maybe, the numpy array's memory).
        let _ = Python::try_attach(|_| drop(ob.take()));
        // Not attachable (the interpreter is shutting down): pyo3 defers the release to
        // the next time a thread attaches, which is safe.
        drop(ob);
    }
}

/// The name of `ob`'s dtype for messages (`str(ob.dtype)` when it has one).
fn dtype_name(ob: &Bound<'_, PyAny>, typestr: &str) -> String {
    ob.getattr("dtype")
        .and_then(|d| d.str())
        .map(|s| s.to_string())
        .unwrap_or_else(|_| typestr.to_string())
}

/// `from_numpy(ob)`: an array viewing the memory `ob.__array_interface__` describes (a
/// numpy array, or anything else exporting the interface), sharing it both ways and
/// keeping `ob` alive. Read-only arrays give read-only storage.
///
/// `TypeError` for an object without the interface and for dtypes matx does not hold
/// (object, complex, structured, strings, non-native byte order), naming the dtype;
/// `ValueError` for strides that are not whole elements.
pub(crate) fn from_array_interface(ob: &Bound<'_, PyAny>) -> PyResult<NDArray> {
    let py = ob.py();
    let iface = match ob.getattr("__array_interface__") {
        Ok(i) => i,
        Err(e) if e.is_instance_of::<pyo3::exceptions::PyAttributeError>(py) => {
            return Err(PyTypeError::new_err(format!(
                "from_numpy: expected a numpy array (an object with __array_interface__), got {}",
                crate::convert::py_type_name(ob)
            )))
        }
        Err(e) => return Err(e),
    };
    let iface = iface
        .cast::<PyDict>()
        .map_err(|_| PyTypeError::new_err("__array_interface__ must be a dict"))?;
    let get = |k: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
        Ok(iface.get_item(k)?.filter(|v| !v.is_none()))
    };
    let bad = |what: &str| PyTypeError::new_err(format!("__array_interface__: {what}"));
    if let Some(v) = get("version")? {
        let v: i64 = v.extract().map_err(|_| bad("version must be an int"))?;
        if v != 3 {
            return Err(PyValueError::new_err(format!(
                "__array_interface__ version {v} is not supported (matx reads version 3)"
            )));
        }
    }
    if get("mask")?.is_some() {
        return Err(PyValueError::new_err("masked arrays are not supported"));
    }
    let typestr: String = get("typestr")?
        .ok_or_else(|| bad("no typestr"))?
        .extract()
        .map_err(|_| bad("typestr must be a str"))?;
    let dtype = DType::from_typestr(&typestr).map_err(|e| {
        let why = if e.message().contains("non-native") {
            " (non-native byte order)"
        } else {
            ""
        };
        PyTypeError::new_err(format!(
            "unsupported dtype {}{why}: matx.NDArray holds bool, int8-64, uint8-64, float16, \
             float32 and float64",
            dtype_name(ob, &typestr)
        ))
    })?;
    let shape: Vec<i64> = get("shape")?
        .ok_or_else(|| bad("no shape"))?
        .extract()
        .map_err(|_| bad("shape must be a tuple of ints"))?;
    let (addr, read_only): (usize, bool) = get("data")?
        .ok_or_else(|| bad("data must be a tuple (address, read_only)"))?
        .extract()
        .map_err(|_| bad("data must be a tuple (address, read_only)"))?;
    let item = dtype.itemsize() as i64;
    let strides = match get("strides")? {
        None => None,
        Some(s) => {
            let bytes: Vec<i64> = s
                .extract()
                .map_err(|_| bad("strides must be a tuple of ints or None"))?;
            if bytes.iter().any(|b| b % item != 0) {
                return Err(PyValueError::new_err(format!(
                    "strides {bytes:?} are not whole elements of {item} bytes: matx.NDArray \
                     cannot view this array without a copy"
                )));
            }
            Some(bytes.iter().map(|b| b / item).collect::<Vec<i64>>())
        }
    };
    let keeper: Keeper = Box::new(PyKeeper(Some(ob.clone().unbind())));
    // SAFETY: the array interface's contract: the memory described (address, shape,
    // strides, typestr) is valid while the exporting object lives, writable unless marked
    // read-only; `keeper` holds the object for as long as the storage exists. (numpy also
    // refuses to resize an array that another object references, as this one does.)
    unsafe {
        NDArray::from_external(
            std::ptr::with_exposed_provenance_mut(addr),
            dtype,
            &shape,
            strides.as_deref(),
            read_only,
            keeper,
        )
    }
    .map_err(crate::to_pyerr)
}
