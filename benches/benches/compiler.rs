//! Criterion benchmarks: each kernel of `scripts/bench.py`, compiled by `matx_script!`, against
//! the same algorithm hand-written in Rust (`matx_bench`), in one group per kernel.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use matx::{List, Str};
use std::sync::Arc;
use std::time::Duration;

mod compiled {
    matx::matx_script!(file = "scripts/bench.py");
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

fn bench_fib(c: &mut Criterion) {
    let n = matx_bench::FIB_N;
    let mut g = c.benchmark_group("fib");
    g.bench_function("compiled", |b| {
        b.iter(|| compiled::fib(black_box(n as i64)).unwrap())
    });
    g.bench_function("hand_rust", |b| b.iter(|| matx_bench::fib(black_box(n))));
    g.finish();
}

fn bench_edit_distance(c: &mut Criterion) {
    let (a, b) = matx_bench::edit_strings();
    let (sa, sb) = (Str::from(a.as_str()), Str::from(b.as_str()));
    let mut g = c.benchmark_group("edit_distance");
    g.bench_function("compiled", |bn| {
        bn.iter(|| compiled::edit_distance(black_box(sa.clone()), black_box(sb.clone())).unwrap())
    });
    g.bench_function("hand_rust", |bn| {
        bn.iter(|| matx_bench::edit_distance(black_box(&a), black_box(&b)))
    });
    g.finish();
}

fn bench_text2ids(c: &mut Criterion) {
    let (vocab, input) = matx_bench::text2ids_words();
    let vocab_list = List::from_vec(vocab.iter().map(|w| Str::from(w.as_str())).collect());
    let input_list = List::from_vec(input.iter().map(|w| Str::from(w.as_str())).collect());
    let obj = compiled::Text2Ids__new(vocab_list).unwrap();
    let hand = matx_bench::Text2Ids::new(&vocab);
    let mut g = c.benchmark_group("text2ids");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.bench_function("compiled", |b| {
        b.iter(|| {
            Arc::clone(&obj.0)
                .m___call__(black_box(input_list.clone()))
                .unwrap()
        })
    });
    g.bench_function("hand_rust", |b| b.iter(|| hand.call(black_box(&input))));
    g.finish();
}

/// Runs every kernel once, compiled and by hand, checks they agree and prints the line that
/// `run.sh` compares with CPython's.
fn check(_: &mut Criterion) {
    let fib = compiled::fib(matx_bench::FIB_N as i64).unwrap();
    assert_eq!(fib as u64, matx_bench::fib(matx_bench::FIB_N));
    let (a, b) = matx_bench::edit_strings();
    let ed = compiled::edit_distance(Str::from(a.as_str()), Str::from(b.as_str())).unwrap();
    assert_eq!(ed as usize, matx_bench::edit_distance(&a, &b));
    let (vocab, input) = matx_bench::text2ids_words();
    let obj = compiled::Text2Ids__new(List::from_vec(
        vocab.iter().map(|w| Str::from(w.as_str())).collect(),
    ))
    .unwrap();
    let ids = Arc::clone(&obj.0)
        .m___call__(List::from_vec(
            input.iter().map(|w| Str::from(w.as_str())).collect(),
        ))
        .unwrap()
        .to_vec();
    assert_eq!(ids, matx_bench::Text2Ids::new(&vocab).call(&input));
    println!(
        "{}",
        matx_bench::check_line(fib, ed, &ids, vocab.len() as i64)
    );
}

criterion_group! {
    name = benches;
    config = config();
    targets = check, bench_fib, bench_edit_distance, bench_text2ids
}
criterion_main!(benches);
