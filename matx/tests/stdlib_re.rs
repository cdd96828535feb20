//! `matx::stdlib::re` against CPython 3.11: a corpus of patterns (Unicode classes, anchors,
//! case folding, groups, lookaround, possessive and atomic forms, conditionals) and 500 random
//! ones, each run with match/search/fullmatch/findall/finditer/split/sub on many strings, plus
//! every compile error's message and position.

#[path = "support/stdlib_cases.rs"]
mod cases;

use cases::{actual, expected, r, Outcome};
use matx::stdlib::re::{self, GroupKey, Match, Pattern};
use matx::{List, Str};
use serde_json::Value;

fn summary(m: Option<Match<Str>>, groups: usize) -> matx::Result<String> {
    let Some(m) = m else { return r(()) };
    let span = m.span(GroupKey::Index(0))?;
    let gs = matx::rt::TupleN(m.groups(None).to_vec().into());
    let spans: Vec<(i64, i64)> = (0..=groups)
        .map(|g| m.span(GroupKey::Index(g as i64)))
        .collect::<matx::Result<_>>()?;
    r((
        span,
        gs,
        m.lastindex(),
        m.lastgroup(),
        List::from_vec(spans),
    ))
}

fn findall(p: &Pattern, s: &Str) -> matx::Result<String> {
    if p.groups() >= 2 {
        r(p.findall_groups(s.clone(), 0, None)?)
    } else {
        r(p.findall(s.clone(), 0, None)?)
    }
}

fn run(p: &Pattern, what: &str, s: &Str) -> matx::Result<String> {
    let g = p.groups() as usize;
    match what {
        "match" => summary(p.match_(s.clone(), 0, None)?, g),
        "search" => summary(p.search(s.clone(), 0, None)?, g),
        "fullmatch" => summary(p.fullmatch(s.clone(), 0, None)?, g),
        "search_pos" => summary(p.search(s.clone(), 2, Some(7))?, g),
        "split" => r(p.split(s.clone(), 0)?),
        "split1" => r(p.split(s.clone(), 1)?),
        "finditer" => {
            let spans: matx::Result<Vec<(i64, i64)>> = p
                .finditer(s.clone(), 0, None)?
                .to_vec()
                .iter()
                .map(|m| m.span(GroupKey::Index(0)))
                .collect();
            r(List::from_vec(spans?))
        }
        "findall" => findall(p, s),
        "sub" => r(p.sub(Str::from("<\\g<0>>"), s.clone(), 0)?),
        "sub1" => r(p.subn(Str::from("[\\1|\\g<1>]"), s.clone(), 2)?),
        other => panic!("{other}"),
    }
}

fn extra(c: &Value) -> (String, Outcome) {
    let f = c["fn"].as_str().unwrap();
    let got = match f {
        "escape" => r(re::escape(Str::from(c["s"].as_str().unwrap()))),
        "sub" => re::compile(&Str::from(c["pattern"].as_str().unwrap()), 0).and_then(|p| {
            r(p.sub(
                Str::from(c["repl"].as_str().unwrap()),
                Str::from(c["s"].as_str().unwrap()),
                0,
            )?)
        }),
        "subn_count" => re::compile(&Str::from("a"), 0).and_then(|p| {
            r(p.subn(
                Str::from("b"),
                Str::from("aaa"),
                c["count"].as_i64().unwrap(),
            )?)
        }),
        "split_max" => re::compile(&Str::from(","), 0)
            .and_then(|p| r(p.split(Str::from("a,b,c"), c["maxsplit"].as_i64().unwrap())?)),
        other => panic!("{other}"),
    };
    (format!("{f} {c}"), actual(got))
}

#[test]
fn re_matches_cpython() {
    let mut results = Vec::new();
    for c in cases::load("re") {
        if let Some(list) = c.get("extra") {
            for e in list.as_array().unwrap() {
                let (what, got) = extra(e);
                results.push((what, expected(e), got));
            }
            continue;
        }
        let pat = c["pattern"].as_str().unwrap();
        let flags = c["flags"].as_i64().unwrap();
        let compiled = re::compile(&Str::from(pat), flags);
        let want_compiled: Outcome = match c.get("err") {
            Some(_) => expected(&c),
            None => Ok("compiled".into()),
        };
        let p = match (compiled, c.get("err")) {
            (Err(e), _) => {
                results.push((
                    format!("compile {pat:?} {flags}"),
                    want_compiled,
                    actual(Err(e)),
                ));
                continue;
            }
            (Ok(_), Some(_)) => {
                results.push((
                    format!("compile {pat:?} {flags}"),
                    expected(&c),
                    Ok("compiled".into()),
                ));
                continue;
            }
            (Ok(p), None) => p,
        };
        results.push((
            format!("repr {pat:?}"),
            Ok(c["repr"].as_str().unwrap().into()),
            actual(r(p.clone())),
        ));
        results.push((
            format!("flags {pat:?}"),
            Ok(c["pflags"].to_string()),
            Ok(p.flags().to_string()),
        ));
        for sub in c["subjects"].as_array().unwrap() {
            let s = Str::from(sub["s"].as_str().unwrap());
            for (k, v) in sub.as_object().unwrap() {
                if k == "s" {
                    continue;
                }
                results.push((
                    format!("{k} {pat:?} flags={flags} on {:?}", s.as_str()),
                    expected(v),
                    actual(run(&p, k, &s)),
                ));
            }
        }
    }
    cases::check_all("re", results);
}

#[test]
fn named_characters_are_a_clear_error() {
    // CPython looks \\N{...} names up in its Unicode name table, which matx does not carry.
    let Err(e) = re::compile(&Str::from("\\N{DIGIT ONE}"), 0) else {
        panic!("\\N{{...}} compiled");
    };
    assert_eq!(e.kind().name, "NotImplementedError");
    assert!(e.message().contains("\\N{...}"), "{}", e.message());
}
