//! Smoke test: a script compiled from a file runs and returns CPython's values.

mod script {
    matx::matx_script!(file = "scripts/smoke.py");
}

#[test]
fn smoke_runs() {
    assert_eq!(script::fib(20).unwrap(), 6765);
    assert_eq!(script::main().unwrap().as_str(), "done");
}
