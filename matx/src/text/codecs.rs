//! `str.encode`, `bytes.decode` (utf-8, ascii, latin-1 with CPython's error handlers and messages) and `bytes.hex`.

use super::unicode::{self as uni, ALNUM};
use super::{string_with_capacity, vec_with_capacity};
use crate::error::{err, exc, Error};
use crate::{Bytes, Result, Str};
use std::fmt::Write as _;

#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The name CPython's codec puts in its error messages.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

/// `encodings.normalize_encoding` after the codec registry's lowercasing:
/// runs of other characters become one `_`, non-ASCII alphanumerics vanish.
fn normalize_encoding(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c == '.' || uni::has(c, ALNUM) {
            if punct && !out.is_empty() {
                out.push('_');
            }
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            }
            punct = false;
        } else {
            punct = true;
        }
    }
    out
}

/// The codec CPython finds for `encoding` (its aliases included), or
/// `LookupError: unknown encoding: …` for the codecs matx does not have.
fn lookup(encoding: &str) -> Result<Codec> {
    let norm = normalize_encoding(encoding);
    let key = norm.replace('.', "_");
    let module = match key.as_str() {
        "utf_8" | "u8" | "utf" | "utf8" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => {
            Some(Codec::Utf8)
        }
        "ascii" | "646" | "ansi_x3_4_1968" | "ansi_x3_4_1986" | "cp367" | "csascii" | "ibm367"
        | "iso646_us" | "iso_646_irv_1991" | "iso_ir_6" | "us" | "us_ascii" => Some(Codec::Ascii),
        "latin_1" | "8859" | "cp819" | "csisolatin1" | "ibm819" | "iso8859" | "iso8859_1"
        | "iso_8859_1" | "iso_8859_1_1987" | "iso_ir_100" | "l1" | "latin" | "latin1" => {
            Some(Codec::Latin1)
        }
        _ => None,
    };
    // A name with a '.' only resolves through an alias (never as a module).
    let module = module
        .filter(|_| !norm.contains('.') || !matches!(key.as_str(), "utf_8" | "ascii" | "latin_1"));
    module.ok_or_else(|| Error::new(&exc::LookupError, format!("unknown encoding: {encoding}")))
}

fn unknown_handler(errors: &str) -> Error {
    Error::new(
        &exc::LookupError,
        format!("unknown error handler name '{errors}'"),
    )
}

fn unsupported_handler(errors: &str) -> Error {
    Error::new(
        &exc::NotImplementedError,
        format!("matx: the '{errors}' error handler cannot be applied here (a matx str holds no lone surrogates)"),
    )
}

/// `UnicodeEncodeError` for code points `start..end` of `s`, CPython's wording.
fn encode_error(codec: Codec, s: &str, start: usize, end: usize, reason: &str) -> Error {
    let name = codec.name();
    let msg = if end == start + 1 {
        let c = s.chars().nth(start).map_or(0, u32::from);
        let esc = if c <= 0xff {
            format!("\\x{c:02x}")
        } else if c <= 0xffff {
            format!("\\u{c:04x}")
        } else {
            format!("\\U{c:08x}")
        };
        format!("'{name}' codec can't encode character '{esc}' in position {start}: {reason}")
    } else {
        format!(
            "'{name}' codec can't encode characters in position {start}-{}: {reason}",
            end - 1
        )
    };
    Error::new(&exc::UnicodeEncodeError, msg)
}

/// `UnicodeDecodeError` for bytes `start..end` of `b`, CPython's wording.
fn decode_error(codec: Codec, b: &[u8], start: usize, end: usize, reason: &str) -> Error {
    let name = codec.name();
    let msg = if end == start + 1 {
        let byte = b.get(start).copied().unwrap_or(0);
        format!("'{name}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}")
    } else {
        format!(
            "'{name}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )
    };
    Error::new(&exc::UnicodeDecodeError, msg)
}

impl Str {
    /// `s.encode(encoding='utf-8', errors='strict')`.
    pub fn encode(&self, encoding: Str, errors: Str) -> Result<Bytes> {
        let codec = lookup(encoding.as_str())?;
        let s = self.as_str();
        if codec == Codec::Utf8 || s.is_ascii() {
            // A matx str has no surrogates, so UTF-8 always succeeds.
            return Ok(Bytes::new(s.as_bytes()));
        }
        let limit: u32 = if codec == Codec::Ascii { 0x80 } else { 0x100 };
        let reason = if codec == Codec::Ascii {
            "ordinal not in range(128)"
        } else {
            "ordinal not in range(256)"
        };
        let errors = errors.as_str();
        let mut out = vec_with_capacity(s.len())?;
        let mut chars = s.chars().peekable();
        // `pos` counts code points (CPython's error positions).
        let mut pos = 0;
        let mut run = Vec::new();
        while let Some(c) = chars.next() {
            if u32::from(c) < limit {
                out.push(u32::from(c) as u8);
                pos += 1;
                continue;
            }
            // CPython reports the whole run of unencodable characters.
            run.clear();
            run.push(c);
            while let Some(d) = chars.next_if(|&d| u32::from(d) >= limit) {
                run.push(d);
            }
            let end = pos + run.len();
            match errors {
                "strict" | "surrogateescape" | "surrogatepass" => {
                    return Err(encode_error(codec, s, pos, end, reason));
                }
                "ignore" => {}
                "replace" => out.extend(std::iter::repeat_n(b'?', run.len())),
                "backslashreplace" => {
                    for &d in &run {
                        let c = u32::from(d);
                        let esc = if c <= 0xff {
                            format!("\\x{c:02x}")
                        } else if c <= 0xffff {
                            format!("\\u{c:04x}")
                        } else {
                            format!("\\U{c:08x}")
                        };
                        out.extend_from_slice(esc.as_bytes());
                    }
                }
                "xmlcharrefreplace" => {
                    for &d in &run {
                        out.extend_from_slice(format!("&#{};", u32::from(d)).as_bytes());
                    }
                }
                "namereplace" => {
                    return Err(Error::new(
                        &exc::NotImplementedError,
                        "matx: the 'namereplace' error handler is not supported",
                    ))
                }
                other => return Err(unknown_handler(other)),
            }
            pos = end;
        }
        Ok(Bytes::from(out))
    }
}

/// How a decoder handles the bytes `start..end` it cannot decode.
fn decode_fallback(
    codec: Codec,
    b: &[u8],
    range: (usize, usize),
    reason: &str,
    errors: &str,
    out: &mut String,
) -> Result<()> {
    let (start, end) = range;
    match errors {
        "strict" => Err(decode_error(codec, b, start, end, reason)),
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for &x in b.get(start..end).unwrap_or_default() {
                let _ = write!(out, "\\x{x:02x}");
            }
            Ok(())
        }
        "surrogateescape" => Err(unsupported_handler(errors)),
        "surrogatepass" => {
            // Only encoded surrogates (ED A0..BF xx) decode; they cannot be held.
            let surrogate = codec == Codec::Utf8
                && b.get(start) == Some(&0xed)
                && b.get(start + 1).is_some_and(|x| (0xa0..=0xbf).contains(x))
                && b.get(start + 2).is_some_and(|x| (0x80..=0xbf).contains(x));
            if surrogate {
                Err(unsupported_handler(errors))
            } else {
                Err(decode_error(codec, b, start, end, reason))
            }
        }
        "xmlcharrefreplace" | "namereplace" => err(
            &exc::TypeError,
            "don't know how to handle UnicodeDecodeError in error callback",
        ),
        other => Err(unknown_handler(other)),
    }
}

/// CPython's UTF-8 decoder: errors cover the maximal invalid subpart, as
/// `std::str::from_utf8` reports them.
fn decode_utf8(b: &[u8], errors: &str) -> Result<String> {
    let mut out = string_with_capacity(b.len())?;
    let mut pos = 0;
    loop {
        let rest = b.get(pos..).unwrap_or_default();
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(
                    std::str::from_utf8(rest.get(..good).unwrap_or_default()).unwrap_or_default(),
                );
                let start = pos + good;
                let first = b.get(start).copied().unwrap_or(0);
                let (end, reason) = match e.error_len() {
                    None => (b.len(), "unexpected end of data"),
                    Some(n) if (0x80..0xc2).contains(&first) || first >= 0xf5 => {
                        (start + n, "invalid start byte")
                    }
                    Some(n) => (start + n, "invalid continuation byte"),
                };
                decode_fallback(Codec::Utf8, b, (start, end), reason, errors, &mut out)?;
                pos = end;
            }
        }
    }
}

impl Bytes {
    /// `b.decode(encoding='utf-8', errors='strict')`.
    pub fn decode(&self, encoding: Str, errors: Str) -> Result<Str> {
        if self.is_empty() {
            // CPython returns '' before it looks the codec up.
            return Ok(Str::new(""));
        }
        let codec = lookup(encoding.as_str())?;
        let b = self.as_bytes();
        if let Ok(s) = std::str::from_utf8(b) {
            if codec == Codec::Utf8 || s.is_ascii() {
                return Ok(Str::new(s));
            }
        }
        let errors = errors.as_str();
        Ok(Str::from(match codec {
            Codec::Utf8 => decode_utf8(b, errors)?,
            Codec::Latin1 => b.iter().map(|&x| char::from(x)).collect(),
            Codec::Ascii => {
                let mut out = string_with_capacity(b.len())?;
                for (i, &x) in b.iter().enumerate() {
                    if x.is_ascii() {
                        out.push(char::from(x));
                    } else {
                        decode_fallback(
                            codec,
                            b,
                            (i, i + 1),
                            "ordinal not in range(128)",
                            errors,
                            &mut out,
                        )?;
                    }
                }
                out
            }
        }))
    }
    /// `b.hex()`: two lowercase hex digits per byte.
    pub fn hex(&self) -> Result<Str> {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let b = self.as_bytes();
        let mut out = string_with_capacity(b.len().saturating_mul(2))?;
        for &x in b {
            out.push(char::from(DIGITS[usize::from(x >> 4)]));
            out.push(char::from(DIGITS[usize::from(x & 15)]));
        }
        Ok(Str::from(out))
    }
}
