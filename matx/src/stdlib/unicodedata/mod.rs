//! `unicodedata`: character properties and `normalize` (NFC, NFD, NFKC, NFKD) from tables
//! taken out of CPython 3.11 itself (Unicode 14.0), so results match CPython's, not the
//! newer Unicode version another library would carry.

mod tables;

use self::tables as t;
use crate::error::{err, exc};
use crate::value::Str;
use crate::Result;

/// `unicodedata.unidata_version`.
pub fn unidata_version() -> Str {
    Str::from(t::UNIDATA_VERSION)
}

fn run_value(starts: &[u32], values: &[u8], c: char) -> u8 {
    let i = starts.partition_point(|&s| s <= c as u32);
    values[i.saturating_sub(1)]
}

/// The one character of a `chr` argument (`TypeError` otherwise, as CPython).
fn one_char(name: &str, s: &Str) -> Result<char> {
    let mut it = s.as_str().chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => err(
            &exc::TypeError,
            format!("{name}() argument must be a unicode character, not str"),
        ),
    }
}

/// `unicodedata.category(chr)`.
pub fn category(ch: Str) -> Result<Str> {
    let c = one_char("category", &ch)?;
    Ok(Str::from(
        t::CATEGORY_NAMES[run_value(&t::CATEGORY_STARTS, &t::CATEGORY_VALUES, c) as usize],
    ))
}

/// `unicodedata.east_asian_width(chr)`.
pub fn east_asian_width(ch: Str) -> Result<Str> {
    let c = one_char("east_asian_width", &ch)?;
    Ok(Str::from(
        t::EAW_NAMES[run_value(&t::EAW_STARTS, &t::EAW_VALUES, c) as usize],
    ))
}

/// `unicodedata.bidirectional(chr)`.
pub fn bidirectional(ch: Str) -> Result<Str> {
    let c = one_char("bidirectional", &ch)?;
    Ok(Str::from(
        t::BIDI_NAMES[run_value(&t::BIDI_STARTS, &t::BIDI_VALUES, c) as usize],
    ))
}

/// `unicodedata.mirrored(chr)`.
pub fn mirrored(ch: Str) -> Result<i64> {
    let c = one_char("mirrored", &ch)?;
    Ok(i64::from(run_value(
        &t::MIRRORED_STARTS,
        &t::MIRRORED_VALUES,
        c,
    )))
}

fn ccc(c: char) -> u8 {
    run_value(&t::COMBINING_STARTS, &t::COMBINING_VALUES, c)
}

/// `unicodedata.combining(chr)`: the canonical combining class.
pub fn combining(ch: Str) -> Result<i64> {
    Ok(i64::from(ccc(one_char("combining", &ch)?)))
}

/// `unicodedata.decomposition(chr)`: `'<tag> XXXX YYYY'`, or `''`.
pub fn decomposition(ch: Str) -> Result<Str> {
    let c = one_char("decomposition", &ch)? as u32;
    let Ok(i) = t::DECOMP.binary_search_by_key(&c, |e| e.0) else {
        return Ok(Str::from(""));
    };
    let (_, off, len, tag) = t::DECOMP[i];
    let mut parts: Vec<String> = Vec::new();
    if tag != 0 {
        parts.push(t::DECOMP_TAGS[tag as usize].to_string());
    }
    for &cp in &t::DECOMP_DATA[off as usize..off as usize + len as usize] {
        parts.push(format!("{cp:04X}"));
    }
    Ok(Str::from(parts.join(" ").as_str()))
}

fn numeric_entry(c: char) -> Option<(i8, i8, f64)> {
    let i = t::NUMERIC.binary_search_by_key(&(c as u32), |e| e.0).ok()?;
    let (_, dec, dig, bits) = t::NUMERIC[i];
    Some((dec, dig, f64::from_bits(bits)))
}

/// `unicodedata.decimal(chr)`: `ValueError('not a decimal')` when it has none.
pub fn decimal(ch: Str) -> Result<i64> {
    match numeric_entry(one_char("decimal", &ch)?) {
        Some((d, _, _)) if d >= 0 => Ok(i64::from(d)),
        _ => err(&exc::ValueError, "not a decimal"),
    }
}

/// `unicodedata.digit(chr)`.
pub fn digit(ch: Str) -> Result<i64> {
    match numeric_entry(one_char("digit", &ch)?) {
        Some((_, d, _)) if d >= 0 => Ok(i64::from(d)),
        _ => err(&exc::ValueError, "not a digit"),
    }
}

/// `unicodedata.numeric(chr)`.
pub fn numeric(ch: Str) -> Result<f64> {
    match numeric_entry(one_char("numeric", &ch)?) {
        Some((_, _, n)) => Ok(n),
        None => err(&exc::ValueError, "not a numeric character"),
    }
}

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

fn push_char(out: &mut Vec<char>, cp: u32) {
    if let Some(c) = char::from_u32(cp) {
        out.push(c);
    }
}

/// Full decomposition of `s` (canonical, or compatibility), then canonical ordering.
fn decompose(s: &str, compat: bool) -> Vec<char> {
    let (index, data) = if compat {
        (&t::NFKD[..], &t::NFKD_DATA[..])
    } else {
        (&t::NFD[..], &t::NFD_DATA[..])
    };
    let mut out: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars() {
        let cp = c as u32;
        if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
            let si = cp - S_BASE;
            push_char(&mut out, L_BASE + si / N_COUNT);
            push_char(&mut out, V_BASE + (si % N_COUNT) / T_COUNT);
            let ti = si % T_COUNT;
            if ti != 0 {
                push_char(&mut out, T_BASE + ti);
            }
            continue;
        }
        match index.binary_search_by_key(&cp, |e| e.0) {
            Ok(i) => {
                let (_, off, len) = index[i];
                for &d in &data[off as usize..off as usize + len as usize] {
                    push_char(&mut out, d);
                }
            }
            Err(_) => out.push(c),
        }
    }
    reorder(&mut out);
    out
}

/// The canonical ordering algorithm: each run of non-starters stably sorted by class.
fn reorder(v: &mut [char]) {
    let mut i = 0;
    while i < v.len() {
        if ccc(v[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < v.len() && ccc(v[i]) != 0 {
            i += 1;
        }
        v[start..i].sort_by_key(|&c| ccc(c));
    }
}

fn compose_pair(a: char, b: char) -> Option<char> {
    let (a, b) = (a as u32, b as u32);
    if (L_BASE..L_BASE + L_COUNT).contains(&a) && (V_BASE..V_BASE + V_COUNT).contains(&b) {
        return char::from_u32(S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT);
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&a)
        && (a - S_BASE).is_multiple_of(T_COUNT)
        && (T_BASE + 1..T_BASE + T_COUNT).contains(&b)
    {
        return char::from_u32(a + (b - T_BASE));
    }
    let i = t::COMPOSE
        .binary_search_by(|e| (e.0, e.1).cmp(&(a, b)))
        .ok()?;
    char::from_u32(t::COMPOSE[i].2)
}

/// The canonical composition algorithm over a decomposed, ordered sequence.
fn compose(v: Vec<char>) -> String {
    let mut out: Vec<char> = Vec::with_capacity(v.len());
    let mut starter: Option<usize> = None;
    let mut last_class: i32 = -1;
    for c in v {
        let class = i32::from(ccc(c));
        if let Some(si) = starter {
            // Blocked when a character in between has a class of zero or at least this one's.
            let blocked = last_class != -1 && (last_class == 0 || last_class >= class);
            if !blocked || (last_class == -1) {
                if let Some(comp) = compose_pair(out[si], c) {
                    out[si] = comp;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(out.len());
            last_class = -1;
        } else {
            last_class = class;
        }
        out.push(c);
    }
    out.into_iter().collect()
}

/// `unicodedata.normalize(form, unistr)`.
pub fn normalize(form: Str, s: Str) -> Result<Str> {
    let text = s.as_str();
    let out: String = match form.as_str() {
        "NFD" => decompose(text, false).into_iter().collect(),
        "NFKD" => decompose(text, true).into_iter().collect(),
        "NFC" => compose(decompose(text, false)),
        "NFKC" => compose(decompose(text, true)),
        _ => return err(&exc::ValueError, "invalid normalization form"),
    };
    if out == text {
        return Ok(s);
    }
    Ok(Str::from(out.as_str()))
}

/// `unicodedata.is_normalized(form, unistr)`.
pub fn is_normalized(form: Str, s: Str) -> Result<bool> {
    let n = normalize(form, s.clone())?;
    Ok(n.as_str() == s.as_str())
}
