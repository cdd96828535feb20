//! UI tests: every unsupported or ill-typed construct is rejected with one
//! message at the script's own `file:line:col` (and never with a rustc error
//! from inside the generated code).

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
}
