//! Generated Python bindings in an embedded interpreter: compiled objects held in `Any` reach
//! Python as their class, and come back from Python as the same object.
#![cfg(feature = "python")]

use matx_py::pyo3::prelude::*;
use matx_py::pyo3::types::{PyDict, PyModule};

mod script {
    matx::matx_script! {
        from typing import Any, List

        class Token:
            text: str

            def __init__(self, text: str) -> None:
                self.text = text

            def upper(self) -> str:
                return self.text.upper()

            def __repr__(self) -> str:
                return "Token(" + repr(self.text) + ")"

        class Loud(Token):
            def upper(self) -> str:
                return self.text.upper() + "!"

        def loud(text: str) -> Any:
            t: Token = Loud(text)
            return t

        def make(words: List[str]) -> List[Any]:
            out: List[Any] = []
            for w in words:
                out.append(Token(w))
            out.append(len(words))
            return out

        def shout(t: Token) -> str:
            return t.upper()

        def same(x: Any) -> Any:
            return x

        def describe(xs: List[Any]) -> str:
            return ", ".join([repr(x) for x in xs])
    }
}

/// Runs `code` with the script's module bound as `objs`.
fn run(code: &std::ffi::CStr) {
    Python::initialize();
    let r = Python::attach(|py| -> PyResult<()> {
        let m = PyModule::new(py, "objs")?;
        script::__matx_python::register(&m)?;
        let globals = PyDict::new(py);
        globals.set_item("objs", m)?;
        py.run(code, Some(&globals), None)
    });
    if let Err(e) = r {
        panic!("{e}");
    }
}

#[test]
fn objects_inside_any_reach_python_as_their_class() {
    run(c"
toks = objs.make(['a', 'b'])
assert [type(t).__name__ for t in toks] == ['Token', 'Token', 'int'], toks
assert isinstance(toks[0], objs.Token)
assert toks[1].upper() == 'B'
assert repr(toks[0]) == \"Token('a')\"
# Held as its base class, an object still reaches Python as its own class.
l = objs.loud('a')
assert type(l) is objs.Loud and l.upper() == 'A!', type(l)
# A derived object is accepted where its base class is expected, with its own methods.
assert objs.shout(objs.Loud('b')) == 'B!'
assert objs.shout(objs.Token('b')) == 'B'
try:
    objs.shout('b')
except TypeError as e:
    assert \"argument 't': expected Token, got str\" in str(e), e
else:
    raise AssertionError('a str converted to Token')
");
}

#[test]
fn objects_come_back_from_python_inside_any() {
    run(c"
t = objs.Token('x')
back = objs.same(t)
assert isinstance(back, objs.Token) and back.upper() == 'X'
assert objs.describe([t, 1, 'y', objs.make(['z'])[0]]) == \"Token('x'), 1, 'y', Token('z')\"
try:
    objs.same(object())
except TypeError as e:
    assert 'compiled object' in str(e), e
else:
    raise AssertionError('object() converted to Any')
");
}
