//! Criterion benchmarks: each kernel of `scripts/bench.py`, compiled by `matx_script!`, against
//! the same algorithm hand-written in Rust (`matx_bench::hand`), in one group per kernel. The
//! inputs are built once, outside the timed closures, as matx values for the compiled code and
//! as std values for the hand-written code.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use matx::{Any, Dict, List, Str};
use matx_bench::{inputs, Checksum, Json};
use std::collections::HashMap;
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

fn strs(v: &[String]) -> List<Str> {
    List::from_vec(v.iter().map(|w| Str::from(w.as_str())).collect())
}

fn to_any(j: &Json) -> Any {
    match j {
        Json::Null => Any::None,
        Json::Bool(b) => Any::Bool(*b),
        Json::Int(i) => Any::Int(*i),
        Json::Float(f) => Any::Float(*f),
        Json::Str(s) => Any::from(s.as_str()),
        Json::List(xs) => Any::List(List::from_vec(xs.iter().map(to_any).collect())),
        Json::Dict(kv) => Any::Dict(Dict::from_pairs(
            kv.iter()
                .map(|(k, v)| (Any::from(k.as_str()), to_any(v)))
                .collect(),
        )),
    }
}

/// Every input, in both forms.
struct Inputs {
    edit: (String, String),
    t2i_vocab: Vec<String>,
    t2i_words: Vec<String>,
    text: inputs::TextInputs,
    joined: String,
    wp_vocab: HashMap<String, i64>,
    xs: Vec<f64>,
    seqs: Vec<Vec<i64>>,
    records: Json,
}

impl Inputs {
    fn new() -> Self {
        // callgrind.sh measuring another kernel skips Text2Ids' 1M words.
        let (t2i_vocab, t2i_words) = match std::env::var("MATX_BENCH_CALLGRIND") {
            Ok(k) if k != "text2ids" => (vec![], vec![]),
            _ => inputs::text2ids_words(),
        };
        let text = inputs::text_inputs();
        let joined = text.sentences.join("\n");
        let wp_vocab = text.vocab.iter().cloned().collect();
        let (xs, seqs) = inputs::num_inputs();
        let records = Json::List(inputs::records(&text));
        Inputs {
            edit: inputs::edit_strings(),
            t2i_vocab,
            t2i_words,
            text,
            joined,
            wp_vocab,
            xs,
            seqs,
            records,
        }
    }
}

/// The matx forms of the inputs (handles: cloning one is cheap and shares the data).
struct Matx {
    edit: (Str, Str),
    t2i: compiled::Text2Ids,
    t2i_words: List<Str>,
    sentences: List<Str>,
    joined: Str,
    words: List<Str>,
    wp_vocab: Dict<Str, i64>,
    xs: List<f64>,
    seqs: List<List<i64>>,
    records: Any,
}

impl Matx {
    fn new(i: &Inputs) -> Self {
        Matx {
            edit: (Str::from(i.edit.0.as_str()), Str::from(i.edit.1.as_str())),
            t2i: compiled::Text2Ids__new(strs(&i.t2i_vocab)).unwrap(),
            t2i_words: strs(&i.t2i_words),
            sentences: strs(&i.text.sentences),
            joined: Str::from(i.joined.as_str()),
            words: strs(&i.text.words),
            wp_vocab: Dict::from_pairs(
                i.text
                    .vocab
                    .iter()
                    .map(|(k, v)| (Str::from(k.as_str()), *v))
                    .collect(),
            ),
            xs: List::from_vec(i.xs.clone()),
            seqs: List::from_vec(i.seqs.iter().map(|s| List::from_vec(s.clone())).collect()),
            records: to_any(&i.records),
        }
    }
}

/// One kernel's compiled or hand-written run: with `true`, the result's checksum; with
/// `false` (timed), 0 (the result is only made and dropped).
type Run<'a> = Box<dyn Fn(bool) -> i128 + 'a>;

/// The checksum of `v` when asked for, else nothing but keeping `v` observable.
fn sum<T: Checksum>(ck: bool, v: T) -> i128 {
    if ck {
        v.checksum()
    } else {
        black_box(&v);
        0
    }
}

fn kernels<'a>(
    i: &'a Inputs,
    m: &'a Matx,
    hand_t2i: &'a matx_bench::Text2Ids,
) -> Vec<(&'static str, Run<'a>, Run<'a>)> {
    use compiled as c;
    use matx_bench as h;
    let n = inputs::FIB_N;
    vec![
        (
            "fib",
            Box::new(move |ck| sum(ck, c::fib(black_box(n as i64)).unwrap())),
            Box::new(move |ck| sum(ck, h::fib(black_box(n)) as i64)),
        ),
        (
            "edit_distance",
            Box::new(move |ck| {
                sum(
                    ck,
                    c::edit_distance(black_box(m.edit.0.clone()), black_box(m.edit.1.clone()))
                        .unwrap(),
                )
            }),
            Box::new(move |ck| {
                sum(
                    ck,
                    h::edit_distance(black_box(&i.edit.0), black_box(&i.edit.1)),
                )
            }),
        ),
        (
            "text2ids",
            Box::new(move |ck| {
                sum(
                    ck,
                    Arc::clone(&m.t2i.0)
                        .m___call__(black_box(m.t2i_words.clone()))
                        .unwrap(),
                )
            }),
            Box::new(move |ck| sum(ck, hand_t2i.call(black_box(&i.t2i_words)))),
        ),
        (
            "normalize",
            Box::new(move |ck| sum(ck, c::normalize(black_box(m.sentences.clone())).unwrap())),
            Box::new(move |ck| sum(ck, h::normalize(black_box(&i.text.sentences)))),
        ),
        (
            "basic_tokenize",
            Box::new(move |ck| sum(ck, c::basic_tokenize(black_box(m.joined.clone())).unwrap())),
            Box::new(move |ck| sum(ck, h::basic_tokenize(black_box(&i.joined)))),
        ),
        (
            "char_ngrams",
            Box::new(move |ck| sum(ck, c::char_ngrams(black_box(m.words.clone()), 3).unwrap())),
            Box::new(move |ck| sum(ck, h::char_ngrams(black_box(&i.text.words), 3))),
        ),
        (
            "pad_truncate",
            Box::new(move |ck| {
                sum(
                    ck,
                    c::pad_truncate(black_box(m.seqs.clone()), inputs::MAX_LEN, 0).unwrap(),
                )
            }),
            Box::new(move |ck| {
                sum(
                    ck,
                    h::pad_truncate(black_box(&i.seqs), inputs::MAX_LEN as usize, 0),
                )
            }),
        ),
        (
            "wordpiece",
            Box::new(move |ck| {
                sum(
                    ck,
                    c::wordpiece(black_box(m.words.clone()), m.wp_vocab.clone(), 0).unwrap(),
                )
            }),
            Box::new(move |ck| sum(ck, h::wordpiece(black_box(&i.text.words), &i.wp_vocab, 0))),
        ),
        (
            "json_walk",
            Box::new(move |ck| sum(ck, c::json_walk(black_box(m.records.clone())).unwrap())),
            Box::new(move |ck| sum(ck, h::json_walk(black_box(&i.records)))),
        ),
        (
            "sort_key",
            Box::new(move |ck| sum(ck, c::sort_key(black_box(m.words.clone())).unwrap())),
            Box::new(move |ck| sum(ck, h::sort_key(black_box(&i.text.words)))),
        ),
        (
            "histogram",
            Box::new(move |ck| {
                sum(
                    ck,
                    c::histogram(black_box(m.xs.clone()), 0.0, 10.0, inputs::BINS).unwrap(),
                )
            }),
            Box::new(move |ck| {
                sum(
                    ck,
                    h::histogram(black_box(&i.xs), 0.0, 10.0, inputs::BINS as usize),
                )
            }),
        ),
        (
            "moving_average",
            Box::new(move |ck| {
                sum(
                    ck,
                    c::moving_average(black_box(m.xs.clone()), inputs::WINDOW).unwrap(),
                )
            }),
            Box::new(move |ck| {
                sum(
                    ck,
                    h::moving_average(black_box(&i.xs), inputs::WINDOW as usize),
                )
            }),
        ),
    ]
}

fn all(c: &mut Criterion) {
    let i = Inputs::new();
    let m = Matx::new(&i);
    let hand_t2i = matx_bench::Text2Ids::new(&i.t2i_vocab);
    let ks = kernels(&i, &m, &hand_t2i);
    // The line `run.sh` compares with CPython's and MATXScript's: each kernel's checksum,
    // after checking the compiled and hand-written results agree.
    let mut line = String::from("CHECK");
    for (name, comp, hand) in &ks {
        let (a, b) = (comp(true), hand(true));
        assert_eq!(a, b, "{name}: compiled and hand-written results differ");
        line.push_str(&format!(" {name}={a}"));
    }
    println!("{line}");
    if let Ok(k) = std::env::var("MATX_BENCH_CALLGRIND") {
        // One kernel, once per side after a warm-up run, inside the two functions
        // `callgrind.sh` counts instructions of (`--toggle-collect`).
        if let Some((_, comp, hand)) = ks.iter().find(|(name, _, _)| *name == k) {
            let (_, _) = (comp(false), hand(false));
            black_box(measured_compiled(comp));
            black_box(measured_hand(hand));
        }
        std::process::exit(0);
    }
    let only = std::env::var("MATX_BENCH_ONLY").unwrap_or_default();
    for (name, comp, hand) in &ks {
        if !only.is_empty() && !only.split(',').any(|k| k == *name) {
            continue;
        }
        let mut g = c.benchmark_group(*name);
        if *name == "text2ids" {
            g.sample_size(10).measurement_time(Duration::from_secs(5));
        }
        g.bench_function("compiled", |b| b.iter(|| comp(false)));
        g.bench_function("hand_rust", |b| b.iter(|| hand(false)));
        g.finish();
    }
}

/// The compiled run whose instructions `callgrind.sh` counts.
#[inline(never)]
fn measured_compiled(f: &Run<'_>) -> i128 {
    // Not the same body as `measured_hand`, or the two are merged into one symbol.
    f(false).wrapping_add(black_box(1))
}

/// The hand-written run whose instructions `callgrind.sh` counts.
#[inline(never)]
fn measured_hand(f: &Run<'_>) -> i128 {
    f(false).wrapping_sub(black_box(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = all
}
criterion_main!(benches);
