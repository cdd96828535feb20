//! Smoke test: a script compiled from a file runs and returns CPython's values.

mod script {
    matx::matx_script!(file = "scripts/smoke.py");
}

#[test]
fn smoke_runs() {
    assert_eq!(script::fib(20).unwrap(), 6765);
    assert_eq!(script::main().unwrap().as_str(), "done");
}

/// One compiled object used from many threads at once gives the same results as a
/// sequential run (objects are `Send + Sync`; containers lock per operation).
#[test]
fn objects_are_shared_across_threads() {
    let words: Vec<matx::Str> = ["hello", "world"]
        .iter()
        .map(|w| matx::Str::from(*w))
        .collect();
    let t = script::Text2Ids__new(matx::List::from_vec(words)).unwrap();
    let input = matx::List::from_vec(
        "hello world unknown hello"
            .split(' ')
            .map(matx::Str::from)
            .collect::<Vec<_>>(),
    );
    let expected = std::sync::Arc::clone(&t.0)
        .m___call__(input.clone())
        .unwrap()
        .to_vec();
    std::thread::scope(|s| {
        for _ in 0..8 {
            let (t, input, expected) = (t.clone(), input.clone(), expected.clone());
            s.spawn(move || {
                for _ in 0..1000 {
                    let got = std::sync::Arc::clone(&t.0)
                        .m___call__(input.clone())
                        .unwrap();
                    assert_eq!(got.to_vec(), expected);
                }
            });
        }
    });
    assert_eq!(expected, vec![0, 1, 2, 0]);
}
