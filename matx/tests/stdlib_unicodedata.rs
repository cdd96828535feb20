//! `matx::stdlib::unicodedata` against CPython 3.11: every property and all four normal forms
//! of every code point (per-plane CRC-32 digests), and normalization of mixed sequences
//! (reordering, composition across marks, Hangul, exclusions).

#[path = "support/stdlib_cases.rs"]
mod cases;

use cases::{actual, expected, r};
use matx::stdlib::unicodedata as u;
use matx::Str;

fn apply(name: &str, c: char) -> String {
    let s = Str::from_char(c);
    let out = match name {
        "NFC" | "NFD" | "NFKC" | "NFKD" => {
            return u::normalize(Str::from(name), s)
                .unwrap()
                .as_str()
                .to_string()
        }
        "category" => u::category(s).and_then(r),
        "east_asian_width" => u::east_asian_width(s).and_then(r),
        "bidirectional" => u::bidirectional(s).and_then(r),
        "mirrored" => u::mirrored(s).and_then(r),
        "combining" => u::combining(s).and_then(r),
        "decomposition" => u::decomposition(s).and_then(r),
        "decimal" => u::decimal(s).and_then(r),
        "digit" => u::digit(s).and_then(r),
        "numeric" => u::numeric(s).and_then(r),
        other => panic!("{other}"),
    };
    match out {
        Ok(v) => v,
        Err(e) => format!("{}: {}", e.kind().name, e.message()),
    }
}

/// The digest of `name` over every code point, plane by plane, against CPython's.
fn check_digest(name: &str) {
    let case = cases::load("unicodedata")
        .into_iter()
        .find(|c| c["kind"] == "digest" && c["name"] == name)
        .unwrap_or_else(|| panic!("no digest for {name}"));
    let mut bad = Vec::new();
    for plane in 0..17u32 {
        let mut buf = Vec::new();
        for cp in plane << 16..(plane + 1) << 16 {
            let Some(ch) = char::from_u32(cp) else {
                continue;
            };
            buf.extend_from_slice(apply(name, ch).as_bytes());
            buf.push(0xff);
        }
        if cases::crc32(&buf) != case["crcs"][plane as usize].as_u64().unwrap() as u32 {
            bad.push(plane);
        }
    }
    assert!(
        bad.is_empty(),
        "{name} differs from CPython on planes {bad:?}"
    );
}

/// One test per property, so the harness runs them in parallel.
macro_rules! every_code_point {
    ($($test:ident => $name:literal,)*) => {$(
        #[test]
        fn $test() {
            check_digest($name);
        }
    )*};
}

every_code_point! {
    category_of_every_code_point => "category",
    east_asian_width_of_every_code_point => "east_asian_width",
    bidirectional_of_every_code_point => "bidirectional",
    mirrored_of_every_code_point => "mirrored",
    combining_of_every_code_point => "combining",
    decomposition_of_every_code_point => "decomposition",
    decimal_of_every_code_point => "decimal",
    digit_of_every_code_point => "digit",
    numeric_of_every_code_point => "numeric",
    nfc_of_every_code_point => "NFC",
    nfd_of_every_code_point => "NFD",
    nfkc_of_every_code_point => "NFKC",
    nfkd_of_every_code_point => "NFKD",
}

#[test]
fn sequences_and_errors_match_cpython() {
    let mut results = Vec::new();
    let forms = ["NFC", "NFD", "NFKC", "NFKD"];
    for c in cases::load("unicodedata") {
        match c["kind"].as_str().unwrap() {
            "normalize" => {
                let s = c["s"].as_str().unwrap();
                for (k, f) in forms.iter().enumerate() {
                    let want = c["out"][k].as_str().unwrap().to_string();
                    let got =
                        u::normalize(Str::from(*f), Str::from(s)).map(|x| x.as_str().to_string());
                    results.push((format!("{f}({s:?})"), Ok(want), actual(got)));
                    let want = c["is"][k].as_bool().unwrap().to_string();
                    let got = u::is_normalized(Str::from(*f), Str::from(s)).map(|b| b.to_string());
                    results.push((format!("is_normalized {f}({s:?})"), Ok(want), actual(got)));
                }
            }
            "call" => {
                let a = c["args"].as_array().unwrap();
                let s = |i: usize| Str::from(a[i].as_str().unwrap());
                let got = match c["fn"].as_str().unwrap() {
                    "normalize" => u::normalize(s(0), s(1)).and_then(r),
                    "category" => u::category(s(0)).and_then(r),
                    "decimal" => u::decimal(s(0)).and_then(r),
                    "digit" => u::digit(s(0)).and_then(r),
                    "numeric" => u::numeric(s(0)).and_then(r),
                    "combining" => u::combining(s(0)).and_then(r),
                    "east_asian_width" => u::east_asian_width(s(0)).and_then(r),
                    "decomposition" => u::decomposition(s(0)).and_then(r),
                    "mirrored" => u::mirrored(s(0)).and_then(r),
                    "bidirectional" => u::bidirectional(s(0)).and_then(r),
                    other => panic!("{other}"),
                };
                results.push((format!("{}{a:?}", c["fn"]), expected(&c), actual(got)));
            }
            _ => {}
        }
    }
    cases::check_all("unicodedata", results);
}
