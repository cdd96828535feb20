//! The Rust host of the pipeline benchmark (benches/pipeline_bench.py): loads a saved Text2Ids pipeline and prints, as JSON, the median time of one run on a 3-word text and on a given long text.
//!
//! Usage: `pipeline_bench DIR LONG_TEXT_FILE RUNS`.

use matx::{Any, Device, Session};
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, dir, long_file, runs] = args.as_slice() else {
        return Err("usage: pipeline_bench DIR LONG_TEXT_FILE RUNS".into());
    };
    let runs: usize = runs.parse()?;
    if runs == 0 {
        return Err("RUNS must be at least 1".into());
    }
    text2ids::register_ops(&mut matx::registry::global().write())?;
    let t0 = Instant::now();
    let session = Session::load(dir, Device::Cpu)?;
    let load_s = t0.elapsed().as_secs_f64();
    let short = Any::from("hello world unknown");
    let long = Any::from(std::fs::read_to_string(long_file)?.as_str());
    let run = |text: &Any| -> matx::Result<usize> {
        let out = session.run(&[("texts", text.clone())])?;
        Ok(out.len())
    };
    run(&long)?;
    // 3 words: each sample is the mean of a batch of runs.
    const BATCH: usize = 20_000;
    let mut short_s = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        for _ in 0..BATCH {
            run(&short)?;
        }
        short_s.push(t.elapsed().as_secs_f64() / BATCH as f64);
    }
    let mut long_s = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        run(&long)?;
        long_s.push(t.elapsed().as_secs_f64());
    }
    println!(
        "{{\"load_s\": {load_s}, \"run_3_words_s\": {}, \"run_long_s\": {}}}",
        median(short_s),
        median(long_s)
    );
    Ok(())
}
