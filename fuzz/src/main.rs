//! `matx-fuzz HARNESS|all [ITERS] [SEED]`: runs the fuzz harnesses (FUZZING.md) and prints, per harness, the inputs run, crashes, hangs and time; exit status 1 when any input crashed or hung.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let which = args.first().map(String::as_str).unwrap_or("all");
    let iters: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let names: Vec<&str> = match which {
        "all" => vec!["pipeline", "feed"],
        n => vec![n],
    };
    // An input that asks for gigabytes gets a MemoryError, not the machine's memory.
    matx_fuzz::limit_memory(4 << 30);
    let out = std::path::PathBuf::from("fuzz/found");
    let mut bad = false;
    for name in names {
        let Some(s) = matx_fuzz::run(name, iters, seed, &out) else {
            eprintln!("matx-fuzz: unknown harness `{name}` (pipeline, feed, all)");
            return ExitCode::from(2);
        };
        println!(
            "{name}: {} inputs, {} crashes, {} hangs, corpus {}, slowest {:?}, {:.1} s",
            s.inputs,
            s.crashes,
            s.hangs,
            s.corpus,
            s.slowest,
            s.elapsed.as_secs_f64()
        );
        bad |= s.crashes + s.hangs > 0;
    }
    if bad {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
