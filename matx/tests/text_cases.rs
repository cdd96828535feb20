//! Replays the `str`/`bytes` method cases generated from CPython by `tools/gen_text_cases.py`.

#[rustfmt::skip]
#[path = "text_cases/data.rs"]
mod data;

use matx::{Bytes, Dict, List, Result, Str};

/// An argument or receiver in the generated table.
#[derive(Debug)]
pub enum V {
    S(&'static str),
    B(&'static [u8]),
    I(i64),
    N,
    T(bool),
    LS(&'static [&'static str]),
    LB(&'static [&'static [u8]]),
    D(&'static [(i64, Option<&'static str>)]),
}

/// What CPython returned (or raised: exception class and message).
#[derive(Debug)]
pub enum W {
    X(&'static str),
    Y(&'static [u8]),
    K(i64),
    Q(bool),
    XL(&'static [&'static str]),
    YL(&'static [&'static [u8]]),
    P(&'static str, &'static str, &'static str),
    PB(&'static [u8], &'static [u8], &'static [u8]),
    E(&'static str, &'static str),
}

/// What matx returned.
#[derive(Debug, PartialEq)]
enum Out {
    S(String),
    B(Vec<u8>),
    I(i64),
    T(bool),
    LS(Vec<String>),
    LB(Vec<Vec<u8>>),
    P(String, String, String),
    PB(Vec<u8>, Vec<u8>, Vec<u8>),
}

fn want(w: &W) -> std::result::Result<Out, (String, String)> {
    Ok(match w {
        W::X(s) => Out::S(s.to_string()),
        W::Y(b) => Out::B(b.to_vec()),
        W::K(i) => Out::I(*i),
        W::Q(t) => Out::T(*t),
        W::XL(l) => Out::LS(l.iter().map(|s| s.to_string()).collect()),
        W::YL(l) => Out::LB(l.iter().map(|b| b.to_vec()).collect()),
        W::P(a, b, c) => Out::P(a.to_string(), b.to_string(), c.to_string()),
        W::PB(a, b, c) => Out::PB(a.to_vec(), b.to_vec(), c.to_vec()),
        W::E(k, m) => return Err((k.to_string(), m.to_string())),
    })
}

struct Args<'a>(&'a [V]);

impl Args<'_> {
    fn get(&self, i: usize) -> &V {
        self.0.get(i).unwrap_or(&V::N)
    }
    fn s(&self, i: usize) -> Str {
        match self.get(i) {
            V::S(s) => Str::new(s),
            v => panic!("arg {i}: want str, got {v:?}"),
        }
    }
    fn os(&self, i: usize) -> Option<Str> {
        match self.get(i) {
            V::N => None,
            _ => Some(self.s(i)),
        }
    }
    fn b(&self, i: usize) -> Bytes {
        match self.get(i) {
            V::B(b) => Bytes::new(b),
            v => panic!("arg {i}: want bytes, got {v:?}"),
        }
    }
    fn ob(&self, i: usize) -> Option<Bytes> {
        match self.get(i) {
            V::N => None,
            _ => Some(self.b(i)),
        }
    }
    fn i(&self, i: usize) -> i64 {
        match self.get(i) {
            V::I(n) => *n,
            v => panic!("arg {i}: want int, got {v:?}"),
        }
    }
    fn oi(&self, i: usize) -> Option<i64> {
        match self.get(i) {
            V::N => None,
            _ => Some(self.i(i)),
        }
    }
    fn t(&self, i: usize) -> bool {
        match self.get(i) {
            V::T(t) => *t,
            v => panic!("arg {i}: want bool, got {v:?}"),
        }
    }
    fn ls(&self, i: usize) -> Vec<Str> {
        match self.get(i) {
            V::LS(l) => l.iter().map(|s| Str::new(s)).collect(),
            v => panic!("arg {i}: want list of str, got {v:?}"),
        }
    }
    fn lb(&self, i: usize) -> Vec<Bytes> {
        match self.get(i) {
            V::LB(l) => l.iter().map(|b| Bytes::new(b)).collect(),
            V::LS(&[]) => vec![],
            v => panic!("arg {i}: want list of bytes, got {v:?}"),
        }
    }
    fn d(&self, i: usize) -> Dict<i64, Option<Str>> {
        match self.get(i) {
            V::D(d) => Dict::from_pairs(d.iter().map(|(k, v)| (*k, v.map(Str::new))).collect()),
            v => panic!("arg {i}: want dict, got {v:?}"),
        }
    }
}

fn s(r: Result<Str>) -> Result<Out> {
    r.map(|s| Out::S(s.as_str().to_string()))
}
fn b(r: Result<Bytes>) -> Result<Out> {
    r.map(|b| Out::B(b.as_bytes().to_vec()))
}
fn i(r: Result<i64>) -> Result<Out> {
    r.map(Out::I)
}
fn t(r: Result<bool>) -> Result<Out> {
    r.map(Out::T)
}
fn ls(r: Result<List<Str>>) -> Result<Out> {
    r.map(|l| Out::LS(l.to_vec().iter().map(|s| s.as_str().to_string()).collect()))
}
fn lb(r: Result<List<Bytes>>) -> Result<Out> {
    r.map(|l| Out::LB(l.to_vec().iter().map(|b| b.as_bytes().to_vec()).collect()))
}

fn call_str(x: Str, m: &str, a: Args) -> Result<Out> {
    match m {
        "capitalize" => s(x.capitalize()),
        "casefold" => s(x.casefold()),
        "lower" => s(x.lower()),
        "upper" => s(x.upper()),
        "swapcase" => s(x.swapcase()),
        "title" => s(x.title()),
        "isalnum" => t(x.isalnum()),
        "isalpha" => t(x.isalpha()),
        "isascii" => t(x.isascii()),
        "isdecimal" => t(x.isdecimal()),
        "isdigit" => t(x.isdigit()),
        "isidentifier" => t(x.isidentifier()),
        "islower" => t(x.islower()),
        "isnumeric" => t(x.isnumeric()),
        "isprintable" => t(x.isprintable()),
        "isspace" => t(x.isspace()),
        "istitle" => t(x.istitle()),
        "isupper" => t(x.isupper()),
        "count" => i(x.count(a.s(0), a.oi(1), a.oi(2))),
        "find" => i(x.find(a.s(0), a.oi(1), a.oi(2))),
        "rfind" => i(x.rfind(a.s(0), a.oi(1), a.oi(2))),
        "index" => i(x.index(a.s(0), a.oi(1), a.oi(2))),
        "rindex" => i(x.rindex(a.s(0), a.oi(1), a.oi(2))),
        "startswith" => t(x.startswith(a.s(0), a.oi(1), a.oi(2))),
        "endswith" => t(x.endswith(a.s(0), a.oi(1), a.oi(2))),
        "startswith_any" => t(x.startswith_any(a.ls(0), a.oi(1), a.oi(2))),
        "endswith_any" => t(x.endswith_any(a.ls(0), a.oi(1), a.oi(2))),
        "center" => s(x.center(a.i(0), a.s(1))),
        "ljust" => s(x.ljust(a.i(0), a.s(1))),
        "rjust" => s(x.rjust(a.i(0), a.s(1))),
        "zfill" => s(x.zfill(a.i(0))),
        "expandtabs" => s(x.expandtabs(a.i(0))),
        "strip" => s(x.strip(a.os(0))),
        "lstrip" => s(x.lstrip(a.os(0))),
        "rstrip" => s(x.rstrip(a.os(0))),
        "removeprefix" => s(x.removeprefix(a.s(0))),
        "removesuffix" => s(x.removesuffix(a.s(0))),
        "split" => ls(x.split(a.os(0), a.i(1))),
        "rsplit" => ls(x.rsplit(a.os(0), a.i(1))),
        "splitlines" => ls(x.splitlines(a.t(0))),
        "partition" | "rpartition" => {
            let r = if m == "partition" {
                x.partition(a.s(0))
            } else {
                x.rpartition(a.s(0))
            };
            r.map(|(p, q, r)| Out::P(p.as_str().into(), q.as_str().into(), r.as_str().into()))
        }
        "replace" => s(x.replace(a.s(0), a.s(1), a.i(2))),
        "join" => s(x.join(List::from_vec(a.ls(0)))),
        "encode" => b(x.encode(a.s(0), a.s(1))),
        "translate" => s(x.translate(a.d(0))),
        _ => panic!("no str method {m}"),
    }
}

fn call_bytes(x: Bytes, m: &str, a: Args) -> Result<Out> {
    match m {
        "capitalize" => b(x.capitalize()),
        "lower" => b(x.lower()),
        "upper" => b(x.upper()),
        "swapcase" => b(x.swapcase()),
        "title" => b(x.title()),
        "isalnum" => t(x.isalnum()),
        "isalpha" => t(x.isalpha()),
        "isascii" => t(x.isascii()),
        "isdigit" => t(x.isdigit()),
        "islower" => t(x.islower()),
        "isspace" => t(x.isspace()),
        "istitle" => t(x.istitle()),
        "isupper" => t(x.isupper()),
        "count" => i(x.count(a.b(0), a.oi(1), a.oi(2))),
        "find" => i(x.find(a.b(0), a.oi(1), a.oi(2))),
        "rfind" => i(x.rfind(a.b(0), a.oi(1), a.oi(2))),
        "index" => i(x.index(a.b(0), a.oi(1), a.oi(2))),
        "rindex" => i(x.rindex(a.b(0), a.oi(1), a.oi(2))),
        "startswith" => t(x.startswith(a.b(0), a.oi(1), a.oi(2))),
        "endswith" => t(x.endswith(a.b(0), a.oi(1), a.oi(2))),
        "center" => b(x.center(a.i(0), a.b(1))),
        "ljust" => b(x.ljust(a.i(0), a.b(1))),
        "rjust" => b(x.rjust(a.i(0), a.b(1))),
        "zfill" => b(x.zfill(a.i(0))),
        "expandtabs" => b(x.expandtabs(a.i(0))),
        "strip" => b(x.strip(a.ob(0))),
        "lstrip" => b(x.lstrip(a.ob(0))),
        "rstrip" => b(x.rstrip(a.ob(0))),
        "removeprefix" => b(x.removeprefix(a.b(0))),
        "removesuffix" => b(x.removesuffix(a.b(0))),
        "split" => lb(x.split(a.ob(0), a.i(1))),
        "rsplit" => lb(x.rsplit(a.ob(0), a.i(1))),
        "splitlines" => lb(x.splitlines(a.t(0))),
        "partition" | "rpartition" => {
            let r = if m == "partition" {
                x.partition(a.b(0))
            } else {
                x.rpartition(a.b(0))
            };
            r.map(|(p, q, r)| {
                Out::PB(
                    p.as_bytes().into(),
                    q.as_bytes().into(),
                    r.as_bytes().into(),
                )
            })
        }
        "replace" => b(x.replace(a.b(0), a.b(1), a.i(2))),
        "join" => b(x.join(List::from_vec(a.lb(0)))),
        "decode" => s(x.decode(a.s(0), a.s(1))),
        "hex" => s(x.hex()),
        _ => panic!("no bytes method {m}"),
    }
}

#[test]
fn str_and_bytes_methods_match_cpython() {
    let mut failures = Vec::new();
    for (n, (recv, m, args, w)) in data::CASES.iter().enumerate() {
        let r = &data::RECEIVERS[*recv];
        let got = match r {
            V::S(x) => call_str(Str::new(x), m, Args(args)),
            V::B(x) => call_bytes(Bytes::new(x), m, Args(args)),
            v => panic!("bad receiver {v:?}"),
        };
        let got = got.map_err(|e| (e.kind().name.to_string(), e.message().to_string()));
        let expected = want(w);
        if got != expected {
            failures.push(format!(
                "#{n} {r:?}.{m}{args:?}\n    got  {got:?}\n    want {expected:?}"
            ));
        }
    }
    for f in failures.iter().take(60) {
        eprintln!("{f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from CPython",
        failures.len(),
        data::CASES.len()
    );
}

#[rustfmt::skip]
#[path = "text_cases/exhaustive.rs"]
mod exhaustive;

/// CRC-32 (IEEE, as Python's `zlib.crc32`).
struct Crc32 {
    table: [u32; 256],
    crc: u32,
}

impl Crc32 {
    fn new() -> Self {
        let mut table = [0u32; 256];
        for (i, slot) in table.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xedb8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *slot = c;
        }
        Crc32 { table, crc: !0 }
    }
    fn update(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.crc = self.table[((self.crc ^ b as u32) & 0xff) as usize] ^ (self.crc >> 8);
        }
    }
    fn finish(&mut self) -> u32 {
        let r = !self.crc;
        self.crc = !0;
        r
    }
}

enum Check {
    Bool(fn(&Str) -> bool),
    Text(fn(&Str) -> String),
}

fn text_of(r: Result<Str>) -> String {
    r.map(|s| s.as_str().to_string())
        .unwrap_or_else(|e| format!("error {e}"))
}

fn wrap(c: char, before: &str, after: &str) -> Str {
    Str::from(format!("{before}{c}{after}"))
}

fn check_named(name: &str) -> Check {
    use Check::{Bool, Text};
    match name {
        "isalpha" => Bool(|s| s.isalpha().unwrap()),
        "isalnum" => Bool(|s| s.isalnum().unwrap()),
        "isdecimal" => Bool(|s| s.isdecimal().unwrap()),
        "isdigit" => Bool(|s| s.isdigit().unwrap()),
        "isnumeric" => Bool(|s| s.isnumeric().unwrap()),
        "isspace" => Bool(|s| s.isspace().unwrap()),
        "isprintable" => Bool(|s| s.isprintable().unwrap()),
        "isidentifier" => Bool(|s| s.isidentifier().unwrap()),
        "isidentifier_a" => Bool(|s| {
            Str::from(format!("a{}", s.as_str()))
                .isidentifier()
                .unwrap()
        }),
        "islower" => Bool(|s| s.islower().unwrap()),
        "isupper" => Bool(|s| s.isupper().unwrap()),
        "istitle" => Bool(|s| s.istitle().unwrap()),
        "istitle_Ac" => Bool(|s| Str::from(format!("A{}", s.as_str())).istitle().unwrap()),
        "lower" => Text(|s| text_of(s.lower())),
        "upper" => Text(|s| text_of(s.upper())),
        "casefold" => Text(|s| text_of(s.casefold())),
        "title" => Text(|s| text_of(s.title())),
        "capitalize" => Text(|s| text_of(s.capitalize())),
        "swapcase" => Text(|s| text_of(s.swapcase())),
        "title_cA" => Text(|s| text_of(Str::from(format!("{}A", s.as_str())).title())),
        "lower_AcSigma" => Text(|s| text_of(Str::from(format!("A{}\u{3a3}", s.as_str())).lower())),
        "lower_ASigmac" => Text(|s| text_of(Str::from(format!("A\u{3a3}{}", s.as_str())).lower())),
        "split_acb" => Text(|s| {
            let parts = Str::from(format!("a{}b", s.as_str()))
                .split(None, -1)
                .unwrap()
                .to_vec();
            parts
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join("|")
        }),
        "splitlines_acb" => Text(|s| {
            let parts = Str::from(format!("a{}b", s.as_str()))
                .splitlines(false)
                .unwrap()
                .to_vec();
            parts
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join("|")
        }),
        _ => panic!("no exhaustive check {name}"),
    }
}

/// Every code point through every per-character check, against CPython's digests.
#[test]
fn per_character_methods_match_cpython_on_all_code_points() {
    let mut crc = Crc32::new();
    let mut failures = Vec::new();
    for (name, planes) in exhaustive::DIGESTS {
        let check = check_named(name);
        for (plane, want) in planes.iter().enumerate() {
            let first = (plane as u32) << 16;
            for c in (first..first + 0x10000).filter_map(char::from_u32) {
                let s = wrap(c, "", "");
                match &check {
                    Check::Bool(f) => crc.update(&[f(&s) as u8]),
                    Check::Text(f) => {
                        crc.update(f(&s).as_bytes());
                        crc.update(&[0xff]);
                    }
                }
            }
            let got = crc.finish();
            if got != *want {
                failures.push(format!("{name}: plane {plane} differs from CPython"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// `matx::text::is_printable` is `str.isprintable` per character.
#[test]
fn is_printable_matches_isprintable() {
    for c in (0..0x110000u32).filter_map(char::from_u32) {
        assert_eq!(
            matx::text::is_printable(c),
            Str::from_char(c).isprintable().unwrap(),
            "{c:?}"
        );
    }
}
