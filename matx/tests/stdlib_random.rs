//! `matx::stdlib::random` replays CPython's draws for many seeds (tools/gen_stdlib_cases.py).

#[path = "support/stdlib_cases.rs"]
mod cases;

use cases::{list, r};
use matx::stdlib::random::{Random, Seed};
use matx::{Any, Bytes, List, Str};
use serde_json::Value;

fn seed(v: &Value) -> Seed {
    let kind = v[0].as_str().unwrap();
    match kind {
        "int" => Seed::Int(v[1].as_i64().unwrap()),
        "float" => Seed::Float(v[1].as_f64().unwrap()),
        "str" => Seed::Str(Str::from(v[1].as_str().unwrap())),
        "bytes" => {
            let b: Vec<u8> = v[1]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_u64().unwrap() as u8)
                .collect();
            Seed::Bytes(Bytes::new(&b))
        }
        other => panic!("seed kind {other}"),
    }
}

fn floats(v: &Value) -> Option<Vec<f64>> {
    v.as_array()
        .map(|a| a.iter().map(|x| x.as_f64().unwrap()).collect())
}

fn pick(pop: &List<Any>, idx: Vec<usize>) -> List<Any> {
    List::from_vec(
        idx.into_iter()
            .map(|i| pop.get_item(i as i64).unwrap())
            .collect(),
    )
}

fn call(rng: &Random, name: &str, a: &[Value]) -> matx::Result<String> {
    let i = |k: usize| a[k].as_i64().unwrap();
    let f = |k: usize| a[k].as_f64().unwrap();
    match name {
        "random" => r(rng.random()),
        "getrandbits" => r(rng.getrandbits(i(0))?),
        "randrange" => r(rng.randrange(
            i(0),
            a.get(1).and_then(Value::as_i64),
            a.get(2).and_then(Value::as_i64),
        )?),
        "randint" => r(rng.randint(i(0), i(1))?),
        "choice" => r(rng.choice(&list(&a[0]))?),
        "choice_str" => r(rng.choice_str(&Str::from(a[0].as_str().unwrap()))?),
        "shuffle" => {
            let l = list(&a[0]);
            rng.shuffle(&l)?;
            r(l)
        }
        "sample" => r(rng.sample(&list(&a[0]), i(1))?),
        "sample_range" => {
            let idx = rng.sample_indices(i(0) as usize, i(1))?;
            r(List::from_vec(idx.into_iter().map(|x| x as i64).collect()))
        }
        "sample_counts" => {
            let pop = list(&a[0]);
            let counts: Vec<i64> = a[1]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_i64().unwrap())
                .collect();
            r(pick(
                &pop,
                rng.sample_counts_indices(pop.len(), &counts, i(2))?,
            ))
        }
        "uniform" => r(rng.uniform(f(0), f(1))),
        "triangular" => r(rng.triangular(f(0), f(1), a[2].as_f64())),
        "gauss" => r(rng.gauss(f(0), f(1))),
        "normalvariate" => r(rng.normalvariate(f(0), f(1))),
        "lognormvariate" => r(rng.lognormvariate(f(0), f(1))?),
        "expovariate" => r(rng.expovariate(f(0))?),
        "vonmisesvariate" => r(rng.vonmisesvariate(f(0), f(1))?),
        "gammavariate" => r(rng.gammavariate(f(0), f(1))?),
        "betavariate" => r(rng.betavariate(f(0), f(1))?),
        "paretovariate" => r(rng.paretovariate(f(0))?),
        "weibullvariate" => r(rng.weibullvariate(f(0), f(1))?),
        "choices" => {
            let pop = list(&a[0]);
            let idx = rng.choices_indices(pop.len(), floats(&a[1]), floats(&a[2]), i(3))?;
            r(pick(&pop, idx))
        }
        "randbytes" => r(rng.randbytes(i(0))?),
        other => panic!("unknown call {other}"),
    }
}

#[test]
fn random_matches_cpython() {
    let mut results = Vec::new();
    for sc in cases::load("random") {
        let rng = Random::new(seed(&sc["seed"]));
        for c in sc["calls"].as_array().unwrap() {
            let name = c["call"].as_str().unwrap();
            let args = c["args"].as_array().unwrap();
            let got = cases::actual(call(&rng, name, args));
            results.push((
                format!("seed {} {name}{args:?}", sc["seed"]),
                cases::expected(c),
                got,
            ));
        }
    }
    cases::check_all("random", results);
}

#[test]
fn module_functions_share_one_generator() {
    let g = matx::stdlib::random::global();
    g.seed(Seed::Int(42));
    let a = g.random();
    g.seed(Seed::Int(42));
    assert_eq!(a, matx::stdlib::random::global().random());
}
