//! Nasty but valid inputs: each compiles and returns CPython's value.

mod empty_inline {
    matx::matx_script! {}
}

mod empty_file {
    matx::matx_script!(file = "ui/edge/empty.py");
}

mod only_comments {
    matx::matx_script!(file = "ui/edge/only_comments.py");
}

mod deep_nesting {
    matx::matx_script!(file = "ui/edge/deep_nesting.py");
}

mod rust_keywords {
    matx::matx_script!(file = "ui/edge/rust_keywords.py");
}

mod unicode_names {
    matx::matx_script!(file = "ui/edge/unicode_names.py");
}

mod nfkc_names {
    matx::matx_script!(file = "ui/edge/nfkc_names.py");
}

mod prelude_names {
    matx::matx_script!(file = "ui/edge/prelude_names.py");
}

mod shadow_builtin {
    matx::matx_script!(file = "ui/edge/shadow_builtin.py");
}

mod temp_names {
    matx::matx_script!(file = "ui/edge/temp_names.py");
}

#[test]
fn deep_nesting() {
    assert_eq!(deep_nesting::nested_parens(0).unwrap(), 150);
    assert_eq!(deep_nesting::long_sum(1).unwrap(), 500);
    assert_eq!(deep_nesting::nested_lists(0).unwrap(), 1);
}

#[test]
fn rust_keywords() {
    assert_eq!(rust_keywords::main().unwrap(), 25);
}

#[test]
fn unicode_names() {
    assert_eq!(unicode_names::main().unwrap(), 7.0);
}

#[test]
fn nfkc_names() {
    assert_eq!(nfkc_names::main().unwrap(), 2);
}

#[test]
fn prelude_names() {
    assert_eq!(prelude_names::main().unwrap(), 4);
}

#[test]
fn temp_names() {
    assert_eq!(temp_names::main().unwrap(), 153);
}

#[test]
fn shadow_builtin() {
    assert_eq!(shadow_builtin::main().unwrap(), 42);
}
