//! `matx.NDArray`: the runtime's array as a Python class, `from_numpy`/`from_dlpack`, and the conversions generated bindings use for `NDArray` parameters and results (numpy, torch and DLPack objects arrive without copies).

mod dlpack;
mod interface;

use crate::convert::{ConvError, FromCx, FromPyValue, IntoCx, IntoPyValue, PyClassValue};
use crate::gil::{call, call_nogil};
use matx::ndarray::{DType, Elem, Nested};
use matx::{exc, NDArray, PyValue};
use pyo3::basic::CompareOp;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyBytes, PyCapsule, PyDict, PyFloat, PyInt, PyList, PySequence, PySlice, PyString,
    PyTuple, PyType,
};

/// An n-dimensional array of numbers shared with compiled code (`matx::NDArray`).
///
/// `NDArray(data, shape=None, dtype=None)`: `data` is nested lists or tuples of numbers
/// (numpy's `array`), or flat data with a `shape` (MATXScript's `NDArray([1, 2, 3, 4], [2, 2],
/// "int32")`), or an array (numpy, torch, `NDArray`), copied. `dtype` is a name (`"int32"`), a
/// numpy dtype or a Python type; by default numpy's choice (bool, int64 or float64).
///
/// `shape`, `dtype`, `ndim`, `size` and `strides` are properties as in numpy (`shape` and
/// `strides` tuples, `strides` in bytes; `dtype` a name); `numpy.asarray(a)`,
/// `numpy.from_dlpack(a)` and `torch.from_dlpack(a)` view the memory without copying.
#[pyclass(module = "matx", name = "NDArray", frozen)]
pub struct PyNDArray {
    pub(crate) inner: NDArray,
}

fn wrap(a: NDArray) -> PyNDArray {
    PyNDArray { inner: a }
}

/// A matx error as the Python exception raised for it.
fn pyerr(e: matx::Error) -> PyErr {
    crate::to_pyerr(e)
}

/// A Python error met while walking nested data, as a matx error of the nearest kind.
fn from_pyerr(e: PyErr) -> matx::Error {
    Python::attach(|py| {
        let kind = if e.is_instance_of::<pyo3::exceptions::PyOverflowError>(py) {
            &exc::OverflowError
        } else if e.is_instance_of::<pyo3::exceptions::PyValueError>(py) {
            &exc::ValueError
        } else {
            &exc::TypeError
        };
        matx::Error::new(kind, e.value(py).to_string())
    })
}

/// One element as the Python scalar numpy's `tolist()` gives (`int`, `float`, `bool`).
fn elem_to_py(py: Python<'_>, e: Elem) -> PyResult<Bound<'_, PyAny>> {
    Ok(match e {
        Elem::Bool(b) => PyBool::new(py, b).to_owned().into_any(),
        Elem::Int(i) => i.into_pyobject(py)?.into_any(),
        Elem::UInt(u) => u.into_pyobject(py)?.into_any(),
        Elem::Float(f) => PyFloat::new(py, f).into_any(),
    })
}

/// Nested Python lists of `shape` from elements in C order.
fn nest<'py>(
    py: Python<'py>,
    it: &mut impl Iterator<Item = Elem>,
    shape: &[i64],
) -> PyResult<Bound<'py, PyAny>> {
    match shape.split_first() {
        None => match it.next() {
            Some(e) => elem_to_py(py, e),
            None => Err(PyTypeError::new_err(
                "NDArray.tolist: fewer elements than its shape",
            )),
        },
        Some((&n, rest)) => {
            let list = PyList::empty(py);
            for _ in 0..n {
                list.append(nest(py, it, rest)?)?;
            }
            Ok(list.into_any())
        }
    }
}

/// A Python value as nested data for `NDArray::from_nested`: sequences (lists, tuples, other
/// non-string sequences such as `matx.List`) nest, arrays count as their rows, numbers are
/// leaves.
enum PyNested<'py> {
    Ob(Bound<'py, PyAny>),
    Arr(NDArray),
}

fn array_items<'py>(a: &NDArray) -> matx::Result<Option<Vec<PyNested<'py>>>> {
    if a.ndim() == 0 {
        return Ok(None);
    }
    (0..a.len()?)
        .map(|i| a.view_at(i).map(PyNested::Arr))
        .collect::<matx::Result<Vec<_>>>()
        .map(Some)
}

/// Whether `ob` is a Python `bool`, `int` or `float` (numpy's float64 scalar included).
fn is_number(ob: &Bound<'_, PyAny>) -> bool {
    ob.is_instance_of::<PyBool>() || ob.is_instance_of::<PyInt>() || ob.is_instance_of::<PyFloat>()
}

impl<'py> Nested for PyNested<'py> {
    fn items(&self) -> matx::Result<Option<Vec<Self>>> {
        let ob = match self {
            PyNested::Arr(a) => return array_items(a),
            PyNested::Ob(ob) => ob,
        };
        if let Ok(l) = ob.cast::<PyList>() {
            return Ok(Some(l.iter().map(PyNested::Ob).collect()));
        }
        if let Ok(t) = ob.cast::<PyTuple>() {
            return Ok(Some(t.iter().map(PyNested::Ob).collect()));
        }
        if is_number(ob) || ob.is_instance_of::<PyString>() || ob.is_instance_of::<PyBytes>() {
            return Ok(None);
        }
        if let Some(a) = as_array(ob).map_err(from_pyerr)? {
            return array_items(&a);
        }
        if let Ok(seq) = ob.cast::<PySequence>() {
            let items = seq
                .try_iter()
                .and_then(|it| it.collect::<PyResult<Vec<_>>>())
                .map_err(from_pyerr)?;
            return Ok(Some(items.into_iter().map(PyNested::Ob).collect()));
        }
        Ok(None)
    }

    fn elem(&self) -> matx::Result<Elem> {
        let ob = match self {
            PyNested::Arr(a) => return a.get_elem(&[]),
            PyNested::Ob(ob) => ob,
        };
        if let Ok(b) = ob.cast::<PyBool>() {
            return Ok(Elem::Bool(b.is_true()));
        }
        if ob.is_instance_of::<PyInt>() {
            if let Ok(i) = ob.extract::<i64>() {
                return Ok(Elem::Int(i));
            }
            return match ob.extract::<u64>() {
                Ok(u) => Ok(Elem::UInt(u)),
                Err(_) => Err(matx::Error::new(
                    &exc::OverflowError,
                    format!("Python integer {ob} is out of bounds for every integer dtype"),
                )),
            };
        }
        if let Ok(f) = ob.cast::<PyFloat>() {
            return Ok(Elem::Float(f.value()));
        }
        // A numpy scalar or 0-d array.
        if let Some(a) = as_array(ob).map_err(from_pyerr)? {
            if a.ndim() == 0 {
                return a.get_elem(&[]);
            }
        }
        Err(Elem::not_a_number(&crate::convert::py_type_name(ob)))
    }
}

/// `ob` as an array without copying, if it is one: a `matx.NDArray` of this module (the
/// same handle), an object with `__array_interface__` (numpy, another module's
/// `matx.NDArray`) or `__dlpack__` (torch, JAX, CuPy on the CPU).
fn as_array(ob: &Bound<'_, PyAny>) -> PyResult<Option<NDArray>> {
    if let Ok(a) = ob.cast::<PyNDArray>() {
        return Ok(Some(a.get().inner.clone()));
    }
    if ob.hasattr("__array_interface__")? {
        return interface::from_array_interface(ob).map(Some);
    }
    if ob.hasattr("__dlpack__")? || ob.is_instance_of::<PyCapsule>() {
        return dlpack::from_dlpack(ob).map(Some);
    }
    Ok(None)
}

/// `ob` as an array when it exports its memory (`__array_interface__`: numpy;
/// `__dlpack__`: torch), viewed without copying; `None` for anything else. (`Any` holds such
/// an object as an `NDArray`, so ops taking `Any` accept numpy arrays.)
pub(crate) fn foreign_array(ob: &Bound<'_, PyAny>) -> PyResult<Option<NDArray>> {
    if ob.is_instance_of::<PyType>() {
        return Ok(None);
    }
    as_array(ob)
}

/// A dtype argument: a name (`"int32"`), a numpy dtype (its `.name`), or a type
/// (`numpy.float32`, `float`, `bool`: its `__name__`).
fn parse_dtype(ob: &Bound<'_, PyAny>) -> PyResult<DType> {
    let name: Option<String> = if let Ok(s) = ob.cast::<PyString>() {
        Some(s.to_str()?.to_string())
    } else if let Some(n) = ob
        .getattr("name")
        .ok()
        .filter(|n| n.is_instance_of::<PyString>())
    {
        Some(n.extract()?)
    } else if ob.is_instance_of::<PyType>() {
        ob.getattr("__name__").ok().and_then(|n| n.extract().ok())
    } else {
        None
    };
    match name {
        Some(n) => DType::from_name(&n).map_err(pyerr),
        None => Err(PyTypeError::new_err(format!(
            "dtype must be a name such as 'int32', got {}",
            crate::convert::py_type_name(ob)
        ))),
    }
}

/// A shape argument: an int, or a list or tuple of ints.
fn parse_shape(ob: &Bound<'_, PyAny>) -> PyResult<Vec<i64>> {
    let bad = || {
        PyTypeError::new_err(format!(
            "shape must be a list or tuple of ints, got {}",
            crate::convert::py_type_name(ob)
        ))
    };
    if ob.is_instance_of::<PyBool>() {
        return Err(bad());
    }
    if ob.is_instance_of::<PyInt>() {
        return Ok(vec![ob.extract()?]);
    }
    if !(ob.is_instance_of::<PyList>() || ob.is_instance_of::<PyTuple>()) {
        return Err(bad());
    }
    ob.try_iter()?
        .map(|x| {
            let x = x?;
            if x.is_instance_of::<PyBool>() {
                return Err(bad());
            }
            x.extract::<i64>().map_err(|_| bad())
        })
        .collect()
}

/// An index argument's int (refusing `bool`, which numpy reads as a mask); `None` when it
/// is not an integer, `IndexError` (CPython's) beyond 64 bits.
fn index_int(ob: &Bound<'_, PyAny>) -> PyResult<Option<i64>> {
    if ob.is_instance_of::<PyBool>() {
        return Ok(None);
    }
    match ob.extract::<i64>() {
        Ok(i) => Ok(Some(i)),
        Err(e) if e.is_instance_of::<pyo3::exceptions::PyOverflowError>(ob.py()) => {
            Err(pyerr(matx::Error::new(
                &exc::IndexError,
                format!(
                    "cannot fit '{}' into an index-sized integer",
                    crate::convert::py_type_name(ob)
                ),
            )))
        }
        Err(_) => Ok(None),
    }
}

/// The view `a[key]` (ints and slices, or a tuple of them, as numpy's basic indexing).
fn index_view(a: &NDArray, key: &Bound<'_, PyAny>) -> PyResult<NDArray> {
    let keys: Vec<Bound<'_, PyAny>> = match key.cast::<PyTuple>() {
        Ok(t) => t.iter().collect(),
        Err(_) => vec![key.clone()],
    };
    if keys.len() > a.ndim() as usize {
        return Err(pyerr(matx::Error::new(
            &exc::IndexError,
            format!(
                "too many indices for array: array is {}-dimensional, but {} were indexed",
                a.ndim(),
                keys.len()
            ),
        )));
    }
    let mut v = a.clone();
    let mut axis = 0usize;
    for k in &keys {
        if let Ok(s) = k.cast::<PySlice>() {
            let part = |name: &str| -> PyResult<Option<i64>> {
                let x = s.getattr(name)?;
                if x.is_none() {
                    Ok(None)
                } else {
                    index_int(&x)?.map(Some).ok_or_else(|| {
                        PyTypeError::new_err("slice indices must be integers or None")
                    })
                }
            };
            let (start, stop, step) = (part("start")?, part("stop")?, part("step")?);
            v = call(|| v.slice_axis(axis, start, stop, step))?;
            axis += 1;
        } else if let Some(i) = index_int(k)? {
            v = call(|| v.index_axis(axis, i))?;
        } else {
            return Err(pyerr(matx::Error::new(
                &exc::IndexError,
                format!(
                    "only integers and slices (`:`) are valid indices of a matx.NDArray, not {}",
                    crate::convert::py_type_name(k)
                ),
            )));
        }
    }
    Ok(v)
}

/// `matx.NDArray`, the class user code sees: this module's, or `matx._matx`'s when this is
/// a user extension module with its own copy of the class (looked up once).
fn canonical_class(py: Python<'_>) -> Option<&Bound<'_, PyAny>> {
    static CANONICAL: PyOnceLock<Option<Py<PyAny>>> = PyOnceLock::new();
    CANONICAL
        .get_or_init(py, || {
            py.import("matx._matx")
                .and_then(|m| m.getattr("NDArray"))
                .ok()
                .map(Bound::unbind)
        })
        .as_ref()
        .map(|c| c.bind(py))
}

/// Whether this module's class is `matx.NDArray` itself.
fn is_canonical(py: Python<'_>) -> bool {
    match canonical_class(py) {
        Some(c) => c.is(py.get_type::<PyNDArray>()),
        None => true,
    }
}

#[pymethods]
impl PyNDArray {
    #[new]
    #[pyo3(signature = (data, shape = None, dtype = None))]
    fn new(
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        shape: Option<&Bound<'_, PyAny>>,
        dtype: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let dtype = dtype
            .filter(|d| !d.is_none())
            .map(parse_dtype)
            .transpose()?;
        let shape = shape
            .filter(|s| !s.is_none())
            .map(parse_shape)
            .transpose()?;
        let plain =
            is_number(data) || data.is_instance_of::<PyList>() || data.is_instance_of::<PyTuple>();
        if !plain {
            if let Some(a) = as_array(data)? {
                // An array is copied, as numpy.array copies.
                let a = call_nogil(py, move || {
                    let c = a.astype(dtype.unwrap_or(a.dtype()))?;
                    match shape {
                        Some(s) if !s.is_empty() => c.reshape(&s),
                        _ => Ok(c),
                    }
                })?;
                return Ok(wrap(a));
            }
        }
        let nested = PyNested::Ob(data.clone());
        call(|| NDArray::from_nested(&nested, shape.as_deref(), dtype)).map(wrap)
    }

    /// The dimensions, a tuple of ints (a property, as numpy's).
    #[getter]
    fn shape<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.inner.shape_ref())
    }
    /// The byte step of each dimension, a tuple of ints (a property, as numpy's).
    #[getter]
    fn strides<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let item = self.inner.dtype().itemsize() as i64;
        PyTuple::new(py, self.inner.strides_ref().iter().map(|s| s * item))
    }
    /// The element type's name (`'int32'`, `'float32'`, `'bool'`; a property).
    #[getter]
    fn dtype(&self) -> &'static str {
        self.inner.dtype().name()
    }
    /// The number of dimensions (a property).
    #[getter]
    fn ndim(&self) -> i64 {
        self.inner.ndim()
    }
    /// The number of dimensions (MATXScript's name).
    fn dim(&self) -> i64 {
        self.inner.ndim()
    }
    /// The number of elements (a property).
    #[getter]
    fn size(&self) -> i64 {
        self.inner.size()
    }
    /// The address of the first element (equal to numpy's for arrays sharing memory).
    fn data_ptr(&self) -> usize {
        self.inner.data_ptr().expose_provenance()
    }
    fn is_contiguous(&self) -> bool {
        self.inner.is_contiguous()
    }
    /// Whether writes are refused (memory of a read-only numpy array or DLPack tensor).
    fn is_read_only(&self) -> bool {
        self.inner.is_read_only()
    }
    /// This array when C-contiguous, else a C-contiguous copy.
    fn contiguous(&self, py: Python<'_>) -> PyResult<Self> {
        let a = self.inner.clone();
        call_nogil(py, move || a.contiguous()).map(wrap)
    }
    /// A C-contiguous copy.
    fn copy(&self, py: Python<'_>) -> PyResult<Self> {
        let a = self.inner.clone();
        call_nogil(py, move || a.copy()).map(wrap)
    }
    /// The same elements with another shape (a view when contiguous; one entry may be -1).
    fn reshape(&self, py: Python<'_>, shape: &Bound<'_, PyAny>) -> PyResult<Self> {
        let shape = parse_shape(shape)?;
        let a = self.inner.clone();
        call_nogil(py, move || a.reshape(&shape)).map(wrap)
    }
    /// The axes reversed (a view).
    fn transpose(&self) -> Self {
        wrap(self.inner.transpose())
    }
    /// A copy with the elements cast to `dtype` (as numpy's `astype`).
    fn astype(&self, py: Python<'_>, dtype: &Bound<'_, PyAny>) -> PyResult<Self> {
        let dtype = parse_dtype(dtype)?;
        let a = self.inner.clone();
        call_nogil(py, move || a.astype(dtype)).map(wrap)
    }
    /// Stores `value` (a bool, int or float) into every element.
    fn fill(&self, value: &Bound<'_, PyAny>) -> PyResult<()> {
        let e = PyNested::Ob(value.clone()).elem().map_err(pyerr)?;
        call(|| self.inner.fill_elem(e))
    }
    /// The elements as nested lists of Python ints, floats or bools (numpy's `tolist`).
    fn tolist<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        call(|| self.inner.check_listable())?;
        let elems = self.inner.to_elems();
        nest(py, &mut elems.into_iter(), self.inner.shape_ref())
    }
    /// `tolist()` (MATXScript's name).
    fn to_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.tolist(py)
    }
    /// `numpy.asarray(self)`: a numpy array viewing the same memory.
    fn numpy<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("numpy")?.call_method1("asarray", (slf,))
    }
    /// `numpy()` (MATXScript's name).
    fn asnumpy<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        Self::numpy(slf)
    }

    fn __len__(&self) -> PyResult<usize> {
        call(|| self.inner.len()).map(|n| n as usize)
    }
    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        key: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let v = index_view(&self.inner, key)?;
        if v.ndim() == 0 {
            let e = call(|| v.get_elem(&[]))?;
            elem_to_py(py, e)
        } else {
            Ok(Bound::new(py, wrap(v))?.into_any())
        }
    }
    fn __setitem__(&self, key: &Bound<'_, PyAny>, value: &Bound<'_, PyAny>) -> PyResult<()> {
        let v = index_view(&self.inner, key)?;
        let nested = PyNested::Ob(value.clone());
        if is_number(value) {
            let e = nested.elem().map_err(pyerr)?;
            return call(|| v.fill_elem(e));
        }
        let src = match as_array(value)? {
            Some(a) => a,
            None => call(|| NDArray::from_nested(&nested, None, Some(v.dtype())))?,
        };
        call(|| v.copy_from(&src))
    }
    fn __iter__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let a = &slf.get().inner;
        if a.ndim() == 0 {
            return Err(PyTypeError::new_err("iteration over a 0-d array"));
        }
        let items = PyList::empty(py);
        for i in 0..a.shape_ref()[0] {
            items.append(
                slf.get()
                    .__getitem__(py, &i.into_pyobject(py)?.into_any())?,
            )?;
        }
        Ok(items.try_iter()?.into_any())
    }
    fn __repr__(&self) -> PyResult<String> {
        call(|| matx::repr(&self.inner))
    }
    fn __str__(&self) -> PyResult<String> {
        call(|| matx::to_str(&self.inner))
    }
    fn __bool__(&self) -> PyResult<bool> {
        call(|| self.inner.py_bool())
    }
    /// `==` is identity of the view (the same elements viewed the same way), as in the
    /// runtime; element-wise comparison is numpy's job.
    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let Ok(o) = other.cast::<PyNDArray>() else {
            return Ok(py.NotImplemented());
        };
        let same = self.inner.same_view(&o.get().inner);
        let r = match op {
            CompareOp::Eq => same,
            CompareOp::Ne => !same,
            _ => return Ok(py.NotImplemented()),
        };
        Ok(PyBool::new(py, r).to_owned().into_any().unbind())
    }

    /// numpy's array interface (version 3): `numpy.asarray(a)` views this memory and keeps
    /// `a` alive through `.base`.
    #[getter]
    fn __array_interface__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        interface::array_interface(py, &self.inner)
    }

    /// A DLPack capsule of this memory (versioned when `max_version >= (1, 0)`), for
    /// `numpy.from_dlpack`, `torch.from_dlpack`.
    #[pyo3(signature = (*, stream = None, max_version = None, dl_device = None, copy = None))]
    fn __dlpack__<'py>(
        &self,
        py: Python<'py>,
        stream: Option<&Bound<'py, PyAny>>,
        max_version: Option<&Bound<'py, PyAny>>,
        dl_device: Option<&Bound<'py, PyAny>>,
        copy: Option<bool>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        dlpack::dunder_dlpack(py, &self.inner, stream, max_version, dl_device, copy)
    }

    /// `(kDLCPU, 0)`.
    fn __dlpack_device__(&self) -> (i32, i32) {
        (dlpack::DL_CPU, 0)
    }

    /// Pickles as `NDArray(tolist, shape, dtype)`.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let a = &slf.get().inner;
        let cls = match canonical_class(py) {
            Some(c) => c.clone(),
            None => py.get_type::<PyNDArray>().into_any(),
        };
        let args = (slf.get().tolist(py)?, a.shape(), a.dtype().name());
        PyTuple::new(py, [cls, args.into_pyobject(py)?.into_any()])
    }
}

/// `matx.from_numpy(arr)`: a `matx.NDArray` viewing `arr`'s memory (no copy; writes show on
/// both sides; `arr` stays alive while the result does; read-only stays read-only).
#[cfg(feature = "module")]
#[pyfunction]
fn from_numpy(arr: &Bound<'_, PyAny>) -> PyResult<PyNDArray> {
    if let Ok(a) = arr.cast::<PyNDArray>() {
        return Ok(wrap(a.get().inner.clone()));
    }
    interface::from_array_interface(arr).map(wrap)
}

/// `matx.from_dlpack(obj)`: a `matx.NDArray` viewing the memory of `obj` (an object with
/// `__dlpack__`, or a DLPack capsule), without copying; CPU memory only.
#[cfg(feature = "module")]
#[pyfunction]
fn from_dlpack(obj: &Bound<'_, PyAny>) -> PyResult<PyNDArray> {
    dlpack::from_dlpack(obj).map(wrap)
}

/// `x` converted as an `NDArray` parameter (named `x`) and back, for the tests.
#[cfg(feature = "module")]
#[pyfunction]
fn _ndarray_arg<'py>(x: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let a: NDArray = crate::extract_arg(x, "x")?;
    crate::into_py(x.py(), &a)
}

/// An `NDArray` parameter: a `matx.NDArray` (the same handle), or any object exporting its
/// memory through `__array_interface__` (numpy, another module's `matx.NDArray`) or
/// `__dlpack__` (torch), viewed without copying. Anything else is a type mismatch.
impl FromPyValue for NDArray {
    fn type_name(out: &mut String) {
        out.push_str("NDArray");
    }
    fn from_py(ob: &Bound<'_, PyAny>, _cx: &mut FromCx) -> Result<Self, ConvError> {
        match as_array(ob) {
            Ok(Some(a)) => Ok(a),
            Ok(None) => Err(ConvError::mismatch::<Self>(ob)),
            Err(e) => Err(ConvError::py(e)),
        }
    }
}

/// `a` as an instance of `matx._matx.NDArray`, handed over as a (versioned, so read-only
/// stays read-only) DLPack capsule: the memory is shared, and this module's handle is
/// released by its deleter when the last `matx.NDArray` using it goes.
fn hand_over<'py>(py: Python<'py>, a: &NDArray) -> PyResult<Bound<'py, PyAny>> {
    let cap = dlpack::export(py, a, true, false)?;
    py.import("matx._matx")?
        .getattr("from_dlpack")?
        .call1((cap,))
}

/// `x` (an `NDArray` argument) handed to `matx._matx` as a user extension module does it.
#[cfg(feature = "module")]
#[pyfunction]
fn _ndarray_hand_over<'py>(x: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let a: NDArray = crate::extract_arg(x, "x")?;
    hand_over(x.py(), &a)
}

/// A `matx.NDArray` sharing the storage. In a user extension module (with its own copy of
/// the class) it is handed to `matx._matx` over DLPack, so the result is `matx.NDArray`
/// itself.
impl IntoPyValue for NDArray {
    fn to_py<'py>(&self, cx: &mut IntoCx<'py>) -> PyResult<Bound<'py, PyAny>> {
        let py = cx.py();
        if !is_canonical(py) {
            return hand_over(py, self);
        }
        Ok(Bound::new(py, wrap(self.clone()))?.into_any())
    }
}

/// Inside `Any`: a `matx.NDArray` (of this module, or `matx.NDArray` itself when this is a
/// user module) is stored as the runtime array.
impl PyClassValue for NDArray {
    fn from_exact(ob: &Bound<'_, PyAny>) -> Option<Self> {
        if let Ok(a) = ob.cast::<PyNDArray>() {
            return Some(a.get().inner.clone());
        }
        let cls = canonical_class(ob.py())?;
        if ob.get_type().is(cls) {
            return interface::from_array_interface(ob).ok();
        }
        None
    }
}

/// Registers `NDArray` with the conversions of `Any` (once, whichever module asks first).
pub(crate) fn ensure_registered() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(crate::convert::register_class::<NDArray>);
}

/// Adds `NDArray`, `from_numpy` and `from_dlpack` to `matx._matx`.
#[cfg(feature = "module")]
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    ensure_registered();
    m.add_class::<PyNDArray>()?;
    m.add_function(wrap_pyfunction!(from_numpy, m)?)?;
    m.add_function(wrap_pyfunction!(from_dlpack, m)?)?;
    m.add_function(wrap_pyfunction!(_ndarray_arg, m)?)?;
    m.add_function(wrap_pyfunction!(_ndarray_hand_over, m)?)?;
    Ok(())
}
