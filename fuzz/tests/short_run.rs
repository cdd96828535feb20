//! The fuzz harnesses' short run in CI (a few seconds each): no input crashes or hangs; the long run is in FUZZING.md.

fn short(name: &str) {
    matx_fuzz::limit_memory(4 << 30);
    let out = std::env::temp_dir().join("matx-fuzz-found");
    let s = matx_fuzz::run(name, 1500, 12, &out).expect("a harness");
    assert_eq!(
        (s.crashes, s.hangs),
        (0, 0),
        "{name}: see {}",
        out.display()
    );
    assert!(s.inputs > 1500);
}

#[test]
fn pipeline_loader() {
    short("pipeline");
}

#[test]
fn feed_decoder() {
    short("feed");
}
