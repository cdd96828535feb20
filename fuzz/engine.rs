//! A dependency-free fuzzing loop on stable Rust (no libFuzzer, no AFL): seeded mutations of a corpus, every input run under `catch_unwind`, a watchdog that turns a hang into a saved input, and a corpus that grows with every new outcome (behavioural feedback instead of coverage).
//!
//! Used by the `matx-fuzz` harnesses (pipeline.json loader, feed decoder) and by the script
//! front-end harness inside `matx-macros` (included there with `#[path]`).

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// xorshift64*: deterministic for a seed, so a failing run is replayed exactly.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number below `n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

/// One mutation of `input`: byte flips, dictionary tokens inserted or overwritten, ranges
/// deleted, duplicated or spliced from another corpus entry, truncation, deep nesting.
pub fn mutate(rng: &mut Rng, input: &[u8], other: &[u8], dict: &[&str]) -> Vec<u8> {
    let mut v = input.to_vec();
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        let n = v.len();
        match rng.below(10) {
            0 if n > 0 => {
                let i = rng.below(n);
                v[i] ^= 1 << rng.below(8);
            }
            1 if n > 0 => {
                let i = rng.below(n);
                v[i] = rng.next_u64() as u8;
            }
            2 | 3 if !dict.is_empty() => {
                let tok = dict[rng.below(dict.len())].as_bytes();
                let i = rng.below(n + 1);
                v.splice(i..i, tok.iter().copied());
            }
            4 if n > 1 => {
                let a = rng.below(n);
                let b = (a + 1 + rng.below(16)).min(n);
                v.drain(a..b);
            }
            5 if n > 1 => {
                let a = rng.below(n);
                let b = (a + 1 + rng.below(64)).min(n);
                let piece: Vec<u8> = v[a..b].to_vec();
                let at = rng.below(n + 1);
                v.splice(at..at, piece);
            }
            6 if !other.is_empty() => {
                let a = rng.below(other.len());
                let b = (a + 1 + rng.below(128)).min(other.len());
                let at = rng.below(n + 1);
                v.splice(at..at, other[a..b].iter().copied());
            }
            7 if n > 0 => v.truncate(rng.below(n)),
            8 if rng.chance(8) => {
                let (open, close) = [("[", "]"), ("{\"list\": [", "]}"), ("(", ")")][rng.below(3)];
                let depth = 1 + rng.below(5000);
                let at = rng.below(n + 1);
                let mut nest = open.repeat(depth).into_bytes();
                if rng.chance(2) {
                    nest.extend(close.repeat(depth).into_bytes());
                }
                v.splice(at..at, nest);
            }
            _ if !dict.is_empty() && n > 0 => {
                let tok = dict[rng.below(dict.len())].as_bytes();
                let i = rng.below(n);
                let end = (i + tok.len()).min(n);
                v.splice(i..end, tok.iter().copied());
            }
            _ => {}
        }
    }
    v
}

/// What a run found.
#[derive(Debug, Default)]
pub struct Stats {
    pub inputs: u64,
    pub crashes: u64,
    pub hangs: u64,
    pub corpus: usize,
    pub slowest: Duration,
    pub elapsed: Duration,
}

/// A run of one harness.
pub struct Run<'a> {
    pub name: &'a str,
    pub seed: u64,
    pub iters: u64,
    /// An input slower than this is reported as a hang (the watchdog saves it and stops the
    /// process if it never returns).
    pub hang: Duration,
    /// Where crashing and hanging inputs are written.
    pub out: PathBuf,
}

fn save(out: &std::path::Path, name: &str, what: &str, input: &[u8]) -> PathBuf {
    let _ = std::fs::create_dir_all(out);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in input {
        h = (h ^ *b as u64).wrapping_mul(0x100_0000_01b3);
    }
    let p = out.join(format!("{name}-{what}-{h:016x}"));
    let _ = std::fs::write(&p, input);
    p
}

impl Run<'_> {
    /// Runs `target` on the seeds and then on `iters` mutations. `target` returns an outcome
    /// label (an error kind and the start of its message, say): an input with a label not seen
    /// before joins the corpus. A panic is a crash (its input saved), as is an input slower
    /// than `hang`.
    pub fn go(&self, seeds: &[Vec<u8>], dict: &[&str], target: impl Fn(&[u8]) -> String) -> Stats {
        let start = Instant::now();
        let mut rng = Rng::new(self.seed);
        let mut corpus: Vec<Vec<u8>> = seeds.to_vec();
        let mut seen: HashSet<String> = HashSet::new();
        let mut stats = Stats::default();
        // The watchdog: the input being run and when it started.
        let current: Arc<Mutex<Vec<u8>>> = Arc::new(Mutex::new(Vec::new()));
        let started = Arc::new(AtomicU64::new(0));
        let done = Arc::new(AtomicBool::new(false));
        let watchdog = {
            let (current, started, done) = (current.clone(), started.clone(), done.clone());
            let (out, name, limit) = (self.out.clone(), self.name.to_string(), self.hang * 10);
            std::thread::spawn(move || {
                while !done.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(200));
                    let t = started.load(Ordering::Relaxed);
                    let now = start.elapsed().as_millis() as u64;
                    if t != 0 && now.saturating_sub(t) > limit.as_millis() as u64 {
                        let input = current.lock().map(|c| c.clone()).unwrap_or_default();
                        let p = save(&out, &name, "hang", &input);
                        eprintln!(
                            "{name}: an input ran longer than {limit:?}: saved to {}",
                            p.display()
                        );
                        std::process::exit(3);
                    }
                }
            })
        };
        let total = seeds.len() as u64 + self.iters;
        for k in 0..total {
            let input = if (k as usize) < seeds.len() {
                seeds[k as usize].clone()
            } else {
                let a = rng.below(corpus.len());
                let b = rng.below(corpus.len());
                mutate(&mut rng, &corpus[a], &corpus[b], dict)
            };
            if let Ok(mut c) = current.lock() {
                c.clone_from(&input);
            }
            let t0 = Instant::now();
            started.store(start.elapsed().as_millis().max(1) as u64, Ordering::Relaxed);
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| target(&input)));
            started.store(0, Ordering::Relaxed);
            let took = t0.elapsed();
            stats.inputs += 1;
            stats.slowest = stats.slowest.max(took);
            match r {
                Ok(label) => {
                    if took > self.hang {
                        stats.hangs += 1;
                        let p = save(&self.out, self.name, "slow", &input);
                        eprintln!(
                            "{}: slow input ({took:?}) saved to {}",
                            self.name,
                            p.display()
                        );
                    }
                    if seen.insert(label) && corpus.len() < 4096 && input.len() < 1 << 16 {
                        corpus.push(input);
                    }
                }
                Err(_) => {
                    stats.crashes += 1;
                    let p = save(&self.out, self.name, "crash", &input);
                    eprintln!("{}: crash saved to {}", self.name, p.display());
                }
            }
        }
        done.store(true, Ordering::Relaxed);
        let _ = watchdog.join();
        stats.corpus = corpus.len();
        stats.elapsed = start.elapsed();
        stats
    }
}
