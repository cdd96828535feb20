//! `#[matx::op]` bindings in an embedded interpreter: an op function and an op type, registered with `matx_py::module!` beside a script that uses them; objects cross both ways.
#![cfg(feature = "python")]

use matx::{exc, Error, List, Result, Str};
use matx_py::pyo3::prelude::*;
use matx_py::pyo3::types::PyDict;
use std::sync::atomic::{AtomicI64, Ordering};

pub mod ops {
    use super::*;

    /// Words of `text` split on `sep` (`ValueError` for an empty separator, as `str.split`).
    #[matx::op]
    pub fn split_words(text: Str, sep: Option<Str>) -> Result<List<Str>> {
        let parts: Vec<Str> = match &sep {
            None => text.as_str().split_whitespace().map(Str::from).collect(),
            Some(s) if s.as_str().is_empty() => {
                return Err(Error::new(&exc::ValueError, "empty separator"))
            }
            Some(s) => text.as_str().split(s.as_str()).map(Str::from).collect(),
        };
        Ok(List::from_vec(parts))
    }

    pub struct Counter(AtomicI64);

    #[matx::op]
    impl Counter {
        pub fn new(start: i64) -> Result<Self> {
            if start < 0 {
                return Err(Error::new(&exc::ValueError, "start must be >= 0"));
            }
            Ok(Counter(AtomicI64::new(start)))
        }
        pub fn add(&self, n: i64) -> i64 {
            self.0.fetch_add(n, Ordering::SeqCst) + n
        }
        pub fn __len__(&self) -> i64 {
            self.0.load(Ordering::SeqCst)
        }
    }
}

mod script {
    matx::matx_script!(
        file = "scripts/ops_py.py",
        ops = [crate::ops::Counter, crate::ops::split_words]
    );
}

matx_py::module!(ops_py: script; ops: crate::ops::split_words, crate::ops::Counter);

fn run(code: &std::ffi::CStr) {
    Python::initialize();
    let r = Python::attach(|py| -> PyResult<()> {
        let m = matx_py::pyo3::wrap_pymodule!(ops_py)(py);
        let globals = PyDict::new(py);
        globals.set_item("ops_py", m)?;
        py.run(code, Some(&globals), None)
    });
    if let Err(e) = r {
        panic!("{e}");
    }
}

#[test]
fn op_functions_and_types_are_python_callables() {
    run(c"
import pickle, sys
sys.modules['ops_py'] = ops_py
assert ops_py.split_words('a b  c') == ['a', 'b', 'c']
assert ops_py.split_words('a b', None) == ['a', 'b']
assert ops_py.split_words('a,b', ',') == ['a', 'b']
try:
    ops_py.split_words('a', '')
except ValueError as e:
    assert str(e) == 'empty separator', e
else:
    raise AssertionError('no ValueError')
try:
    ops_py.split_words(1)
except TypeError as e:
    assert \"argument 'text': expected str, got int\" in str(e), e
else:
    raise AssertionError('no TypeError')
c = ops_py.Counter(1)
assert c.add(2) == 3 and len(c) == 3
assert repr(c) == '<Counter object>', repr(c)
try:
    ops_py.Counter(-1)
except ValueError as e:
    assert str(e) == 'start must be >= 0', e
else:
    raise AssertionError('no ValueError')
# Pickling rebuilds by the constructor's arguments.
c2 = pickle.loads(pickle.dumps(c))
assert type(c2) is ops_py.Counter and len(c2) == 1
stub = ops_py.__matx_stub__
assert 'def split_words(text: str, sep: Optional[str] = None) -> List[str]: ...' in stub, stub
assert 'class Counter:' in stub and 'def add(self, n: int) -> int: ...' in stub, stub
");
}

#[test]
fn op_objects_cross_between_python_and_scripts() {
    run(c"
c = ops_py.Counter(0)
# The script receives the same object (its state changes are seen from Python).
assert ops_py.total(c, ['a b', 'c d e']) == 5
assert len(c) == 5
# An op object made by a script reaches Python as the op's class.
f = ops_py.fresh(7)
assert type(f) is ops_py.Counter and f.add(1) == 8
try:
    ops_py.total('x', [])
except TypeError as e:
    assert \"argument 'c': expected Counter, got str\" in str(e), e
else:
    raise AssertionError('no TypeError')
");
}
