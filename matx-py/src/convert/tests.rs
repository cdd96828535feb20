//! Unit tests of the conversions with an embedded interpreter (the pytest suite covers the built module).

use super::*;
use matx::rt::TupleN;
use matx::{Any, Bytes, Dict, List, Set, Str};

#[test]
fn type_names_are_script_spellings() {
    assert_eq!(type_name::<Dict<Str, List<i64>>>(), "Dict[str, List[int]]");
    assert_eq!(
        type_name::<(i64, Option<Bytes>)>(),
        "Tuple[int, Optional[bytes]]"
    );
    assert_eq!(type_name::<TupleN<f64>>(), "Tuple[float, ...]");
    assert_eq!(type_name::<Set<Any>>(), "Set[Any]");
    assert_eq!(type_name::<(bool,)>(), "Tuple[bool]");
}

#[test]
fn error_paths_read_like_python() {
    let e = ConvError::overflow().at_index(2).at_key().at_index(0);
    assert_eq!(e.path_text("xs"), "a key of xs[0][2]");
}

#[test]
fn round_trip_through_any_in_an_embedded_interpreter() {
    Python::initialize();
    Python::attach(|py| {
        let src = pyo3::ffi::c_str!("[1, True, 2.5, 'a', b'b', None, (1, [2]), {'k': {3}}]");
        let ob = py.eval(src, None, None).expect("a literal evaluates");
        let v: Any = extract_arg(&ob, "v").expect("converts");
        let back = into_py(py, &v).expect("converts back");
        assert!(back.eq(&ob).expect("compares"));
        let err = extract_arg::<List<Str>>(&ob, "words").expect_err("not a List[str]");
        assert_eq!(
            err.value(py).to_string(),
            "argument 'words': expected List[str], but words[0] is int, not str"
        );
    });
}
