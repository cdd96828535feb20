//! `set` iterates in CPython's order: random sequences of set operations on ints are run
//! here and by `python3`, and every intermediate set must list its elements identically.

use matx::{List, Set};
use std::process::Command;

/// A small deterministic generator (no dependencies).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> i64 {
        (self.next() % n) as i64
    }
}

fn show(s: &Set<i64>) -> String {
    let v: Vec<String> = s.to_vec().iter().map(|x| x.to_string()).collect();
    format!("[{}]", v.join(", "))
}

#[test]
fn set_order_matches_cpython() {
    let mut rng = Lcg(7);
    let mut py = String::from("out = []\n");
    let mut ours: Vec<String> = Vec::new();
    let mut what: Vec<String> = Vec::new();
    for case in 0..200 {
        // Values spread so that hashes collide and tables grow (negative ones too).
        let span = [16, 64, 1000, 100_000][case % 4];
        let a: Set<i64> = Set::new();
        let b: Set<i64> = Set::new();
        py.push_str("a = set()\nb = set()\n");
        for _ in 0..40 {
            let x = rng.below(span) - (span / 3) as i64;
            let xs = vec![x, x + 7, x * 3, x - 11];
            let step = match rng.below(22) {
                0..=3 => {
                    a.add(x).unwrap();
                    format!("a.add({x})")
                }
                4 => {
                    b.add(x).unwrap();
                    b.add(x + 1).unwrap();
                    format!("b.add({x}); b.add({x} + 1)")
                }
                5 => {
                    a.discard(x).unwrap();
                    format!("a.discard({x})")
                }
                6 => {
                    let r = a.bitor(&b).unwrap();
                    ours.push(show(&r));
                    "out.append(list(a | b))".into()
                }
                7 => {
                    let r = a.bitand(&b).unwrap();
                    ours.push(show(&r));
                    "out.append(list(a & b))".into()
                }
                8 => {
                    let r = a.sub(&b).unwrap();
                    ours.push(show(&r));
                    "out.append(list(a - b))".into()
                }
                9 => {
                    let r = a.bitxor(&b).unwrap();
                    ours.push(show(&r));
                    "out.append(list(a ^ b))".into()
                }
                10 => {
                    if a.is_empty() {
                        "pass".into()
                    } else {
                        let p = a.pop().unwrap();
                        ours.push(p.to_string());
                        "out.append(a.pop())".into()
                    }
                }
                11 => {
                    a.update(List::from_vec(xs.clone())).unwrap();
                    format!("a.update({xs:?})")
                }
                12 => {
                    a.difference_update(List::from_vec(xs.clone())).unwrap();
                    format!("a.difference_update({xs:?})")
                }
                13 => {
                    a.symmetric_difference_update(List::from_vec(xs.clone()))
                        .unwrap();
                    format!("a.symmetric_difference_update({xs:?})")
                }
                14 => {
                    a.intersection_update(List::from_vec(xs.clone())).unwrap();
                    format!("a.intersection_update({xs:?})")
                }
                15 => {
                    a.ior(&b).unwrap();
                    "a |= b".into()
                }
                16 => {
                    a.iand(&b).unwrap();
                    "a &= b".into()
                }
                17 => {
                    a.isub(&b).unwrap();
                    "a -= b".into()
                }
                18 => {
                    a.ixor(&b).unwrap();
                    "a ^= b".into()
                }
                19 => {
                    let r = a.union(List::from_vec(xs.clone())).unwrap();
                    ours.push(show(&r));
                    format!("out.append(list(a.union({xs:?})))")
                }
                20 => {
                    let r = a.intersection(List::from_vec(xs.clone())).unwrap();
                    ours.push(show(&r));
                    format!("out.append(list(a.intersection({xs:?})))")
                }
                _ => {
                    let r = a.symmetric_difference(List::from_vec(xs.clone())).unwrap();
                    ours.push(show(&r));
                    format!("out.append(list(a.symmetric_difference({xs:?})))")
                }
            };
            py.push_str(&step);
            py.push('\n');
            while what.len() < ours.len() {
                what.push(format!("case {case}: {step}"));
            }
            ours.push(show(&a));
            what.push(format!("case {case}: after {step}"));
            py.push_str("out.append(list(a))\n");
        }
        let c = a.copy().unwrap();
        ours.push(show(&c));
        py.push_str("out.append(list(a.copy()))\n");
    }
    py.push_str("for o in out:\n    print(o)\n");
    let Ok(out) = Command::new("python3").arg("-c").arg(&py).output() else {
        eprintln!("python3 not found: skipped");
        return;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let theirs: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(ours.len(), theirs.len());
    assert!(ours.len() > 5000, "only {} steps compared", ours.len());
    for (i, (o, t)) in ours.iter().zip(&theirs).enumerate() {
        assert_eq!(
            o,
            t,
            "step {i} ({}) differs from CPython",
            what.get(i).map_or("", |w| w.as_str())
        );
    }
}
