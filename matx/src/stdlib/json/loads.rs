//! `json.loads`: CPython's scanner (its whitespace, number grammar, escapes, `NaN` and
//! `Infinity`, duplicate keys) and its `JSONDecodeError` messages with line and column.

use crate::error::{exc, Error, ExcType};
use crate::value::{Any, Bytes, Dict, List, Str};
use crate::Result;

/// `json.JSONDecodeError`, a `ValueError`.
pub static JSON_DECODE_ERROR: ExcType = ExcType {
    name: "JSONDecodeError",
    base: Some(&exc::ValueError),
};

/// What stops a parse: CPython's `StopIteration(idx)` (no value at `idx`), or an error.
enum Stop {
    NoValue(usize),
    Err(Error),
}

impl From<Error> for Stop {
    fn from(e: Error) -> Self {
        Stop::Err(e)
    }
}

struct Scanner<'a> {
    s: &'a [char],
    strict: bool,
}

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// `JSONDecodeError(msg, doc, pos)`: `msg: line L column C (char P)`.
fn decode_error(msg: &str, s: &[char], pos: usize) -> Error {
    let before = &s[..pos.min(s.len())];
    let line = before.iter().filter(|&&c| c == '\n').count() + 1;
    let col = match before.iter().rposition(|&c| c == '\n') {
        Some(nl) => pos - nl,
        None => pos + 1,
    };
    Error::new(
        &JSON_DECODE_ERROR,
        format!("{msg}: line {line} column {col} (char {pos})"),
    )
}

type Res<T> = std::result::Result<T, Stop>;

impl Scanner<'_> {
    fn err(&self, msg: &str, pos: usize) -> Stop {
        Stop::Err(decode_error(msg, self.s, pos))
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.s.len() && is_ws(self.s[i]) {
            i += 1;
        }
        i
    }

    fn starts(&self, i: usize, word: &str) -> bool {
        let w: Vec<char> = word.chars().collect();
        self.s.len() >= i + w.len() && self.s[i..i + w.len()] == w[..]
    }

    fn value(&self, i: usize) -> Res<(Any, usize)> {
        let Some(&c) = self.s.get(i) else {
            return Err(Stop::NoValue(i));
        };
        match c {
            '"' => {
                let (s, end) = self.string(i + 1)?;
                Ok((Any::Str(s), end))
            }
            '{' => self.object(i + 1),
            '[' => self.array(i + 1),
            'n' if self.starts(i, "null") => Ok((Any::None, i + 4)),
            't' if self.starts(i, "true") => Ok((Any::Bool(true), i + 4)),
            'f' if self.starts(i, "false") => Ok((Any::Bool(false), i + 5)),
            'N' if self.starts(i, "NaN") => Ok((Any::Float(f64::NAN), i + 3)),
            'I' if self.starts(i, "Infinity") => Ok((Any::Float(f64::INFINITY), i + 8)),
            '-' if self.starts(i, "-Infinity") => Ok((Any::Float(f64::NEG_INFINITY), i + 9)),
            _ => self.number(i),
        }
    }

    fn digit(&self, i: usize) -> bool {
        self.s.get(i).is_some_and(|c| c.is_ascii_digit())
    }

    fn number(&self, start: usize) -> Res<(Any, usize)> {
        let mut i = start;
        if self.s.get(i) == Some(&'-') {
            i += 1;
        }
        match self.s.get(i) {
            Some('1'..='9') => {
                while self.digit(i) {
                    i += 1;
                }
            }
            Some('0') => i += 1,
            _ => return Err(Stop::NoValue(start)),
        }
        let mut is_float = false;
        if self.s.get(i) == Some(&'.') && self.digit(i + 1) {
            is_float = true;
            i += 1;
            while self.digit(i) {
                i += 1;
            }
        }
        if matches!(self.s.get(i), Some('e' | 'E')) {
            let mut j = i + 1;
            if matches!(self.s.get(j), Some('+' | '-')) {
                j += 1;
            }
            if self.digit(j) {
                while self.digit(j) {
                    j += 1;
                }
                is_float = true;
                i = j;
            }
        }
        let text: String = self.s[start..i].iter().collect();
        let v = if is_float {
            Any::Float(
                text.parse::<f64>()
                    .map_err(|_| self.err("Expecting value", start))?,
            )
        } else {
            match text.parse::<i64>() {
                Ok(n) => Any::Int(n),
                Err(_) => {
                    return Err(Stop::Err(Error::new(
                        &exc::OverflowError,
                        format!("JSON integer {text} does not fit in a 64-bit int"),
                    )))
                }
            }
        };
        Ok((v, i))
    }

    fn hex4(&self, at: usize, err_at: usize) -> Res<u32> {
        let mut c = 0u32;
        for k in 0..4 {
            let d = self.s[at + k]
                .to_digit(16)
                .ok_or_else(|| self.err("Invalid \\uXXXX escape", err_at))?;
            c = (c << 4) | d;
        }
        Ok(c)
    }

    /// `scanstring(s, end)`: `end` is just past the opening quote.
    fn string(&self, end: usize) -> Res<(Str, usize)> {
        let begin = end - 1;
        let len = self.s.len();
        let mut out = String::new();
        let mut end = end;
        loop {
            let mut next = end;
            let mut c = '\0';
            while next < len {
                c = self.s[next];
                if c == '"' || c == '\\' {
                    break;
                }
                if (c as u32) <= 0x1f && self.strict {
                    return Err(self.err("Invalid control character at", next));
                }
                next += 1;
            }
            if next >= len || !(c == '"' || c == '\\') {
                return Err(self.err("Unterminated string starting at", begin));
            }
            out.extend(&self.s[end..next]);
            next += 1;
            if c == '"' {
                return Ok((Str::from(out.as_str()), next));
            }
            if next == len {
                return Err(self.err("Unterminated string starting at", begin));
            }
            let e = self.s[next];
            if e != 'u' {
                end = next + 1;
                out.push(match e {
                    '"' => '"',
                    '\\' => '\\',
                    '/' => '/',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => return Err(self.err("Invalid \\escape", end - 2)),
                });
                continue;
            }
            next += 1;
            end = next + 4;
            if end >= len {
                return Err(self.err("Invalid \\uXXXX escape", next - 1));
            }
            let mut cp = self.hex4(next, end - 5)?;
            if (0xd800..0xdc00).contains(&cp)
                && end + 6 < len
                && self.s[end] == '\\'
                && self.s[end + 1] == 'u'
            {
                let c2 = self.hex4(end + 2, end + 1)?;
                if (0xdc00..0xe000).contains(&c2) {
                    cp = 0x10000 + (((cp - 0xd800) << 10) | (c2 - 0xdc00));
                    end += 6;
                }
            }
            match char::from_u32(cp) {
                Some(ch) => out.push(ch),
                None => {
                    return Err(Stop::Err(Error::new(
                        &exc::ValueError,
                        format!(
                            "the JSON string holds a lone surrogate \\u{cp:04x}, which a matx str cannot hold"
                        ),
                    )))
                }
            }
        }
    }

    fn object(&self, i: usize) -> Res<(Any, usize)> {
        let d: Dict<Any, Any> = Dict::new();
        let mut i = self.skip_ws(i);
        if self.s.get(i) != Some(&'}') {
            loop {
                if self.s.get(i) != Some(&'"') {
                    return Err(self.err("Expecting property name enclosed in double quotes", i));
                }
                let (key, next) = self.string(i + 1)?;
                i = self.skip_ws(next);
                if self.s.get(i) != Some(&':') {
                    return Err(self.err("Expecting ':' delimiter", i));
                }
                i = self.skip_ws(i + 1);
                let (v, next) = self.value(i)?;
                d.set_item(Any::Str(key), v)?;
                i = self.skip_ws(next);
                if self.s.get(i) == Some(&'}') {
                    break;
                }
                if self.s.get(i) != Some(&',') {
                    return Err(self.err("Expecting ',' delimiter", i));
                }
                i = self.skip_ws(i + 1);
            }
        }
        Ok((Any::Dict(d), i + 1))
    }

    fn array(&self, i: usize) -> Res<(Any, usize)> {
        let mut items = Vec::new();
        let mut i = self.skip_ws(i);
        if self.s.get(i) != Some(&']') {
            while i < self.s.len() {
                let (v, next) = self.value(i)?;
                items.push(v);
                i = self.skip_ws(next);
                if self.s.get(i) == Some(&']') {
                    break;
                }
                if self.s.get(i) != Some(&',') {
                    return Err(self.err("Expecting ',' delimiter", i));
                }
                i = self.skip_ws(i + 1);
            }
        }
        if self.s.get(i) != Some(&']') {
            return Err(self.err("Expecting value", self.s.len()));
        }
        Ok((Any::List(List::from_vec(items)), i + 1))
    }
}

/// `json.loads(s)` of a str.
pub fn loads(s: &Str) -> Result<Any> {
    loads_text(s.as_str(), true)
}

fn loads_text(text: &str, strict: bool) -> Result<Any> {
    let chars: Vec<char> = text.chars().collect();
    if chars.first() == Some(&'\u{feff}') {
        return Err(decode_error(
            "Unexpected UTF-8 BOM (decode using utf-8-sig)",
            &chars,
            0,
        ));
    }
    let sc = Scanner { s: &chars, strict };
    let start = sc.skip_ws(0);
    match sc.value(start) {
        Ok((v, end)) => {
            let end = sc.skip_ws(end);
            if end != chars.len() {
                return Err(decode_error("Extra data", &chars, end));
            }
            Ok(v)
        }
        Err(Stop::NoValue(i)) => Err(decode_error("Expecting value", &chars, i)),
        Err(Stop::Err(e)) => Err(e),
    }
}

/// `json.loads(b)` of bytes: the encoding detected as CPython does (UTF-8, -16 or -32 by the
/// byte-order mark or the pattern of zero bytes).
pub fn loads_bytes(b: &Bytes) -> Result<Any> {
    let data = b.as_bytes();
    let text = match detect_encoding(data) {
        "utf-8" => b.decode(Str::from("utf-8"), Str::from("strict"))?,
        "utf-8-sig" => Bytes::new(&data[3..]).decode(Str::from("utf-8"), Str::from("strict"))?,
        enc => Str::from(decode_wide(data, enc)?.as_str()),
    };
    loads(&text)
}

/// UTF-16 and UTF-32 (the byte-order mark, when present, decides the order and is dropped).
fn decode_wide(b: &[u8], enc: &str) -> Result<String> {
    let (unit, mut big, mut b) = match enc {
        "utf-16" | "utf-16-le" | "utf-16-be" => (2, enc.ends_with("be"), b),
        _ => (4, enc.ends_with("be"), b),
    };
    if enc == "utf-16" || enc == "utf-32" {
        big = b[0] == 0 || b[0] == 0xfe;
        b = &b[unit..];
    }
    let bad = || {
        Error::new(
            &exc::UnicodeDecodeError,
            format!("'{enc}' codec can't decode the JSON document's bytes"),
        )
    };
    if b.len() % unit != 0 {
        return Err(bad());
    }
    let words = b.chunks(unit).map(|c| {
        let mut v = 0u32;
        for k in 0..unit {
            let byte = if big { c[k] } else { c[unit - 1 - k] };
            v = (v << 8) | u32::from(byte);
        }
        v
    });
    if unit == 2 {
        let units: Vec<u16> = words.map(|w| w as u16).collect();
        char::decode_utf16(units)
            .collect::<std::result::Result<String, _>>()
            .map_err(|_| bad())
    } else {
        words.map(|w| char::from_u32(w).ok_or_else(bad)).collect()
    }
}

fn detect_encoding(b: &[u8]) -> &'static str {
    if b.starts_with(&[0xef, 0xbb, 0xbf]) {
        return "utf-8-sig";
    }
    if b.starts_with(&[0xff, 0xfe, 0, 0]) || b.starts_with(&[0, 0, 0xfe, 0xff]) {
        return "utf-32";
    }
    if b.starts_with(&[0xff, 0xfe]) || b.starts_with(&[0xfe, 0xff]) {
        return "utf-16";
    }
    if b.len() >= 4 {
        if b[0] == 0 {
            return if b[1] != 0 { "utf-16-be" } else { "utf-32-be" };
        }
        if b[1] == 0 {
            return if b[2] != 0 || b[3] != 0 {
                "utf-16-le"
            } else {
                "utf-32-le"
            };
        }
    } else if b.len() == 2 {
        if b[0] == 0 {
            return "utf-16-be";
        }
        if b[1] == 0 {
            return "utf-16-le";
        }
    }
    "utf-8"
}
