//! Functions the pytest suite calls (`matx._matx._roundtrip`, …): each exercises the conversions, errors and GIL helper the way generated bindings will.

use crate::convert::{extract_arg, into_py, type_name};
use crate::gil::{call, call_nogil};
use matx::rt::TupleN;
use matx::{exc, Any, Bytes, Dict, Error, ExcType, List, Set, Str};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

// A compiled script, so errors carry a real script location.
matx::matx_script! {
def check_positive(x: int) -> int:
    if x <= 0:
        raise ValueError("x must be positive, got " + str(x))
    return x * 2

def lookup(d: Dict[str, int], key: str) -> int:
    return d[key]

def append_one(xs: Any) -> None:
    xs.append(1)

def put(d: Any, k: Any, v: Any) -> None:
    dd: Dict[Any, Any] = d
    dd[k] = v

def add_elem(s: Any, x: Any) -> None:
    s.add(x)

def push(xs: List[Any], x: Any) -> int:
    xs.append(x)
    return len(xs)

def total(xs: List[int]) -> int:
    t = 0
    for x in xs:
        t += x
    return t
}

/// A user exception class, as a script's `class MyError(ValueError)` compiles to.
static MY_ERROR: ExcType = ExcType {
    name: "MyError",
    base: Some(&exc::ValueError),
};

/// `value` converted to `Any` and back.
#[pyfunction]
fn _roundtrip<'py>(value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let v: Any = extract_arg(value, "value")?;
    into_py(value.py(), &v)
}

/// `words` converted to `List[str]` and back.
#[pyfunction]
fn _roundtrip_typed_list_str<'py>(words: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let v: List<Str> = extract_arg(words, "words")?;
    into_py(words.py(), &v)
}

macro_rules! typed_table {
    ($ty:expr, $value:expr, $name:expr; $($s:literal => $t:ty,)*) => {
        match $ty {
            $($s => {
                let v: $t = extract_arg($value, $name)?;
                debug_assert_eq!(type_name::<$t>(), $s);
                into_py($value.py(), &v)
            })*
            other => Err(PyValueError::new_err(format!("_convert: no type {other}"))),
        }
    };
}

/// `value` converted to the script type `ty` (as an argument called `name`) and back.
#[pyfunction]
#[pyo3(signature = (ty, value, name = "x"))]
fn _convert<'py>(ty: &str, value: &Bound<'py, PyAny>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    typed_table!(ty, value, name;
        "int" => i64,
        "float" => f64,
        "bool" => bool,
        "str" => Str,
        "bytes" => Bytes,
        "None" => (),
        "Any" => Any,
        "Optional[int]" => Option<i64>,
        "Optional[List[str]]" => Option<List<Str>>,
        "List[int]" => List<i64>,
        "List[float]" => List<f64>,
        "List[bool]" => List<bool>,
        "List[str]" => List<Str>,
        "List[bytes]" => List<Bytes>,
        "List[Any]" => List<Any>,
        "List[List[int]]" => List<List<i64>>,
        "List[Optional[int]]" => List<Option<i64>>,
        "Dict[str, int]" => Dict<Str, i64>,
        "Dict[int, str]" => Dict<i64, Str>,
        "Dict[str, Any]" => Dict<Str, Any>,
        "Dict[Any, Any]" => Dict<Any, Any>,
        "Dict[str, List[float]]" => Dict<Str, List<f64>>,
        "Set[int]" => Set<i64>,
        "Set[str]" => Set<Str>,
        "Set[Any]" => Set<Any>,
        "Tuple[int]" => (i64,),
        "Tuple[int, str]" => (i64, Str),
        "Tuple[int, str, List[bool]]" => (i64, Str, List<bool>),
        "Tuple[int, ...]" => TupleN<i64>,
        "Tuple[Any, ...]" => TupleN<Any>,
        "List[Tuple[str, float]]" => List<(Str, f64)>,
    )
}

/// `xs[0].append(v)`, then `xs`: shows whether `xs[0]` and `xs[1]` are one list.
#[pyfunction]
fn _append_to_first<'py>(
    xs: &Bound<'py, PyAny>,
    v: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let l: List<List<i64>> = extract_arg(xs, "xs")?;
    let v: i64 = extract_arg(v, "v")?;
    call(|| l.get_item(0)?.append(v))?;
    into_py(xs.py(), &l)
}

/// Raises a runtime error of class `kind` (`MyError` is a script class deriving from
/// `ValueError`); with `line`, located at `script.py:line`.
#[pyfunction]
#[pyo3(signature = (kind, message, line = None))]
fn _raise(py: Python<'_>, kind: &str, message: &str, line: Option<u32>) -> PyResult<()> {
    let classes = exc::ALL.iter().copied().chain([&MY_ERROR]);
    let Some(k) = classes.into_iter().find(|k| k.name == kind) else {
        return Err(PyValueError::new_err(format!(
            "_raise: no exception kind {kind}"
        )));
    };
    let mut e = Error::new(k, message);
    if let Some(line) = line {
        e = e.at("script.py", line);
    }
    call_nogil(py, move || Err::<(), _>(e))
}

/// Raises `KeyError(key)` as the runtime does for a missing dict key.
#[pyfunction]
fn _raise_key_error(py: Python<'_>, key: &Bound<'_, PyAny>) -> PyResult<()> {
    let key: Str = extract_arg(key, "key")?;
    call_nogil(py, move || Err::<(), _>(Error::key_error(&key)))
}

/// The compiled `check_positive(x)` (raises `ValueError` at its script line for x <= 0).
#[pyfunction]
fn _check_positive(py: Python<'_>, x: &Bound<'_, PyAny>) -> PyResult<i64> {
    let x: i64 = extract_arg(x, "x")?;
    call_nogil(py, move || check_positive(x))
}

/// The compiled `lookup(d, key)` (`d[key]`: `KeyError` when missing).
#[pyfunction]
fn _lookup(py: Python<'_>, d: &Bound<'_, PyAny>, key: &Bound<'_, PyAny>) -> PyResult<i64> {
    let d: Dict<Str, i64> = extract_arg(d, "d")?;
    let key: Str = extract_arg(key, "key")?;
    call_nogil(py, move || lookup(d, key))
}

/// The compiled `append_one(xs)` (`xs: Any`; a `matx.List` is appended to in place).
#[pyfunction]
fn _append_one(py: Python<'_>, xs: &Bound<'_, PyAny>) -> PyResult<()> {
    let xs: Any = extract_arg(xs, "xs")?;
    call_nogil(py, move || append_one(xs))
}

/// The compiled `put(d, k, v)` (`d: Any` taken as a `Dict[Any, Any]`, then `d[k] = v`).
#[pyfunction]
fn _put(
    py: Python<'_>,
    d: &Bound<'_, PyAny>,
    k: &Bound<'_, PyAny>,
    v: &Bound<'_, PyAny>,
) -> PyResult<()> {
    let d: Any = extract_arg(d, "d")?;
    let k: Any = extract_arg(k, "k")?;
    let v: Any = extract_arg(v, "v")?;
    call_nogil(py, move || put(d, k, v))
}

/// The compiled `add_elem(s, x)` (`s.add(x)` on an `Any`).
#[pyfunction]
fn _add_elem(py: Python<'_>, s: &Bound<'_, PyAny>, x: &Bound<'_, PyAny>) -> PyResult<()> {
    let s: Any = extract_arg(s, "s")?;
    let x: Any = extract_arg(x, "x")?;
    call_nogil(py, move || add_elem(s, x))
}

/// The compiled `push(xs, x)` (`xs: List[Any]`): the new length.
#[pyfunction]
fn _push(py: Python<'_>, xs: &Bound<'_, PyAny>, x: &Bound<'_, PyAny>) -> PyResult<i64> {
    let xs: List<Any> = extract_arg(xs, "xs")?;
    let x: Any = extract_arg(x, "x")?;
    call_nogil(py, move || push(xs, x))
}

/// The compiled `total(xs)` (`xs: List[int]`).
#[pyfunction]
fn _total(py: Python<'_>, xs: &Bound<'_, PyAny>) -> PyResult<i64> {
    let xs: List<i64> = extract_arg(xs, "xs")?;
    call_nogil(py, move || total(xs))
}

/// Sleeps `ms` milliseconds with the GIL released.
#[pyfunction]
fn _sleep_nogil(py: Python<'_>, ms: u64) -> PyResult<()> {
    call_nogil(py, move || {
        std::thread::sleep(std::time::Duration::from_millis(ms));
        Ok(())
    })
}

/// Panics inside the call helper (with the GIL released when `nogil`).
#[pyfunction]
#[pyo3(signature = (message, nogil = true))]
fn _panic(py: Python<'_>, message: String, nogil: bool) -> PyResult<()> {
    if nogil {
        call_nogil(py, move || -> matx::Result<()> { panic!("{message}") })
    } else {
        call(move || -> matx::Result<()> { panic!("{message}") })
    }
}

/// A Rust list nested `depth` levels deep (`[[[...]]]`), converted to Python.
#[pyfunction]
fn _nested_from_rust(py: Python<'_>, depth: usize) -> PyResult<Bound<'_, PyAny>> {
    let mut v = Any::List(List::new());
    for _ in 0..depth {
        v = Any::List(List::from_vec(vec![v]));
    }
    into_py(py, &v)
}

/// A Rust list that contains itself twice (`a = [1]; a.append(a); a.append(a)`), converted.
#[pyfunction]
fn _cycle_from_rust(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let l: List<Any> = List::from_vec(vec![Any::Int(1)]);
    call(|| {
        l.append(Any::List(l.clone()))?;
        l.append(Any::List(l.clone()))
    })?;
    let out = into_py(py, &l);
    // Break the cycle so the Rust list is freed.
    call(|| l.clear())?;
    out
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_roundtrip, m)?)?;
    m.add_function(wrap_pyfunction!(_roundtrip_typed_list_str, m)?)?;
    m.add_function(wrap_pyfunction!(_convert, m)?)?;
    m.add_function(wrap_pyfunction!(_append_to_first, m)?)?;
    m.add_function(wrap_pyfunction!(_raise, m)?)?;
    m.add_function(wrap_pyfunction!(_raise_key_error, m)?)?;
    m.add_function(wrap_pyfunction!(_check_positive, m)?)?;
    m.add_function(wrap_pyfunction!(_lookup, m)?)?;
    m.add_function(wrap_pyfunction!(_append_one, m)?)?;
    m.add_function(wrap_pyfunction!(_put, m)?)?;
    m.add_function(wrap_pyfunction!(_add_elem, m)?)?;
    m.add_function(wrap_pyfunction!(_push, m)?)?;
    m.add_function(wrap_pyfunction!(_total, m)?)?;
    m.add_function(wrap_pyfunction!(_sleep_nogil, m)?)?;
    m.add_function(wrap_pyfunction!(_panic, m)?)?;
    m.add_function(wrap_pyfunction!(_nested_from_rust, m)?)?;
    m.add_function(wrap_pyfunction!(_cycle_from_rust, m)?)?;
    Ok(())
}
