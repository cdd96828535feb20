//! Uncaught exceptions reach Rust as `matx::Error` with the Python class, CPython's message
//! and the script file and line where they were raised.

mod script {
    matx::matx_script!(file = "scripts/errors.py");
}

#[test]
fn raise_escapes_nested_calls_with_location() {
    let e = script::outer(-3).unwrap_err();
    assert_eq!(e.kind().name, "ValueError");
    assert_eq!(e.message(), "negative: -3");
    assert_eq!(e.location(), Some(("scripts/errors.py", 7)));
    assert!(e.is_instance(&matx::exc::Exception));
    assert_eq!(e.repr(), "ValueError('negative: -3')");
}

#[test]
fn runtime_errors_have_cpython_messages() {
    let d = matx::Dict::<matx::Str, i64>::new();
    let e = script::lookup(d, matx::Str::from("k")).unwrap_err();
    assert_eq!(e.kind().name, "KeyError");
    assert_eq!(e.message(), "'k'");
    assert_eq!(e.location(), Some(("scripts/errors.py", 16)));
    assert!(e.is_instance(&matx::exc::LookupError));

    let e = script::parse(matx::Str::from("x1")).unwrap_err();
    assert_eq!(e.kind().name, "ValueError");
    assert_eq!(e.message(), "invalid literal for int() with base 10: 'x1'");
    assert_eq!(e.location(), Some(("scripts/errors.py", 20)));
}

#[test]
fn compiled_values_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<matx::List<matx::Str>>();
    assert_send_sync::<matx::Dict<matx::Str, matx::Any>>();
    assert_send_sync::<matx::Error>();
}
