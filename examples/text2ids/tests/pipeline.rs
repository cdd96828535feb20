//! A Rust host runs the Text2Ids pipeline that the Python test traced and saved (scripts/run-tests.sh runs it after pytest with `MATX_PIPELINE_DIR` naming that directory).

use matx::{Any, Device, Session};

fn saved_dir() -> Option<std::path::PathBuf> {
    match std::env::var_os("MATX_PIPELINE_DIR") {
        Some(d) => Some(d.into()),
        None => {
            eprintln!("skipped: MATX_PIPELINE_DIR is not set (scripts/run-tests.sh sets it)");
            None
        }
    }
}

#[test]
fn rust_host_runs_the_saved_pipeline() {
    let Some(dir) = saved_dir() else { return };
    // Before this crate's ops are registered, loading names what is missing.
    let empty = matx::OpRegistry::new();
    let e = match Session::load_with(&dir, Device::Cpu, &empty) {
        Ok(_) => panic!("loaded without the ops"),
        Err(e) => e,
    };
    assert!(e.message().contains("Text2Ids"), "{e}");
    assert!(e.message().contains("text2ids"), "{e}");

    text2ids::register_ops(&mut matx::registry::global().write()).unwrap();
    let s = Session::load(&dir, Device::Cpu).unwrap();
    let out = s
        .run(&[("texts", Any::from("hello world unknown"))])
        .unwrap();
    assert_eq!(out.len(), 1);
    assert_eq!(matx::repr(&out[0]).unwrap(), "[0, 1, 2]");

    // One session from 16 threads gives the sequential results.
    let s = std::sync::Arc::new(s);
    let handles: Vec<_> = (0..16)
        .map(|i| {
            let s = std::sync::Arc::clone(&s);
            std::thread::spawn(move || {
                let text = if i % 2 == 0 {
                    "world hello"
                } else {
                    "nope hello"
                };
                let want = if i % 2 == 0 { "[1, 0]" } else { "[2, 0]" };
                for _ in 0..200 {
                    let out = s.run(&[("texts", Any::from(text))]).unwrap();
                    assert_eq!(matx::repr(&out[0]).unwrap(), want);
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}
