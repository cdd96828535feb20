//! `base64`: the Base64 (standard, URL-safe, MIME lines), Base32 and Base16 codecs with
//! `binascii`'s decoding rules and errors (`binascii.Error`, a `ValueError`).

use crate::error::{exc, Error, ExcType};
use crate::value::{Bytes, Str};
use crate::Result;

/// `binascii.Error` (its `__name__` is `Error`).
pub static BINASCII_ERROR: ExcType = ExcType {
    name: "Error",
    base: Some(&exc::ValueError),
};

fn binascii_error(msg: impl Into<String>) -> Error {
    Error::new(&BINASCII_ERROR, msg)
}

const STD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Data to decode, as CPython takes it: bytes, or a str of ASCII characters only.
#[derive(Clone, Debug)]
pub enum DecodeData {
    Bytes(Bytes),
    Str(Str),
}

impl DecodeData {
    fn bytes(&self) -> Result<Vec<u8>> {
        match self {
            DecodeData::Bytes(b) => Ok(b.as_bytes().to_vec()),
            DecodeData::Str(s) if s.as_str().is_ascii() => Ok(s.as_str().as_bytes().to_vec()),
            DecodeData::Str(_) => Err(Error::new(
                &exc::ValueError,
                "string argument should contain only ASCII characters",
            )),
        }
    }
}

impl From<Bytes> for DecodeData {
    fn from(b: Bytes) -> Self {
        DecodeData::Bytes(b)
    }
}

impl From<Str> for DecodeData {
    fn from(s: Str) -> Self {
        DecodeData::Str(s)
    }
}

/// `binascii.b2a_base64(data, newline=False)`.
fn encode64(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4);
    for c in data.chunks(3) {
        let b = [c[0], *c.get(1).unwrap_or(&0), *c.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(STD[(n >> 18) as usize & 63]);
        out.push(STD[(n >> 12) as usize & 63]);
        out.push(if c.len() > 1 {
            STD[(n >> 6) as usize & 63]
        } else {
            b'='
        });
        out.push(if c.len() > 2 {
            STD[n as usize & 63]
        } else {
            b'='
        });
    }
    out
}

fn value64(c: u8) -> Option<u8> {
    STD.iter().position(|&x| x == c).map(|p| p as u8)
}

/// `binascii.a2b_base64(data, strict_mode=strict)`.
fn decode64(data: &[u8], strict: bool) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    let (mut quad, mut left, mut pads) = (0u8, 0u8, 0u8);
    let mut padding_started = false;
    for (i, &ch) in data.iter().enumerate() {
        if ch == b'=' {
            padding_started = true;
            if strict && i == 0 {
                return Err(binascii_error("Leading padding not allowed"));
            }
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(binascii_error("Excess data after padding"));
                    }
                    return Ok(out);
                }
            }
            continue;
        }
        let Some(v) = value64(ch) else {
            if strict {
                return Err(binascii_error("Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(binascii_error("Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad {
            0 => {
                quad = 1;
                left = v;
            }
            1 => {
                quad = 2;
                out.push((left << 2) | (v >> 4));
                left = v & 0x0f;
            }
            2 => {
                quad = 3;
                out.push((left << 4) | (v >> 2));
                left = v & 0x03;
            }
            _ => {
                quad = 0;
                out.push((left << 6) | v);
                left = 0;
            }
        }
    }
    match quad {
        0 => Ok(out),
        1 => Err(binascii_error(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        ))),
        _ => Err(binascii_error("Incorrect padding")),
    }
}

fn alt(altchars: &Option<Bytes>) -> Result<Option<[u8; 2]>> {
    match altchars {
        None => Ok(None),
        Some(a) if a.len() == 2 => Ok(Some([a.as_bytes()[0], a.as_bytes()[1]])),
        Some(a) => Err(Error::new(
            &exc::AssertionError,
            crate::value::repr_bytes(a.as_bytes()),
        )),
    }
}

/// `base64.b64encode(s, altchars)`.
pub fn b64encode(s: Bytes, altchars: Option<Bytes>) -> Result<Bytes> {
    let alt = alt(&altchars)?;
    let mut out = encode64(s.as_bytes());
    if let Some([a, b]) = alt {
        for c in out.iter_mut() {
            *c = match *c {
                b'+' => a,
                b'/' => b,
                x => x,
            };
        }
    }
    Ok(Bytes::new(&out))
}

/// `base64.b64decode(s, altchars, validate)`.
pub fn b64decode(s: DecodeData, altchars: Option<DecodeData>, validate: bool) -> Result<Bytes> {
    let mut data = s.bytes()?;
    if let Some(a) = altchars {
        let a = a.bytes()?;
        let Some([x, y]) = alt(&Some(Bytes::new(&a)))? else {
            unreachable!("alt of Some is Some")
        };
        // bytes.maketrans(altchars, b'+/'): a later mapping of the same byte wins.
        let mut table: Vec<u8> = (0..=255).collect();
        table[x as usize] = b'+';
        table[y as usize] = b'/';
        for c in data.iter_mut() {
            *c = table[*c as usize];
        }
    }
    Ok(Bytes::new(&decode64(&data, validate)?))
}

/// `base64.standard_b64encode(s)`.
pub fn standard_b64encode(s: Bytes) -> Result<Bytes> {
    b64encode(s, None)
}

/// `base64.standard_b64decode(s)`.
pub fn standard_b64decode(s: DecodeData) -> Result<Bytes> {
    b64decode(s, None, false)
}

/// `base64.urlsafe_b64encode(s)`: `-` and `_` for `+` and `/`.
pub fn urlsafe_b64encode(s: Bytes) -> Result<Bytes> {
    b64encode(s, Some(Bytes::new(b"-_")))
}

/// `base64.urlsafe_b64decode(s)`.
pub fn urlsafe_b64decode(s: DecodeData) -> Result<Bytes> {
    let mut data = s.bytes()?;
    for c in data.iter_mut() {
        *c = match *c {
            b'-' => b'+',
            b'_' => b'/',
            x => x,
        };
    }
    Ok(Bytes::new(&decode64(&data, false)?))
}

/// `base64.encodebytes(s)`: lines of at most 76 characters, each ending in a newline.
pub fn encodebytes(s: Bytes) -> Result<Bytes> {
    let mut out = Vec::new();
    for chunk in s.as_bytes().chunks(57) {
        out.extend(encode64(chunk));
        out.push(b'\n');
    }
    Ok(Bytes::new(&out))
}

/// `base64.decodebytes(s)`.
pub fn decodebytes(s: Bytes) -> Result<Bytes> {
    Ok(Bytes::new(&decode64(s.as_bytes(), false)?))
}

const B32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const B32HEX: &[u8; 32] = b"0123456789ABCDEFGHIJKLMNOPQRSTUV";

fn encode32(alphabet: &[u8; 32], s: &[u8]) -> Bytes {
    let mut out = Vec::with_capacity(s.len().div_ceil(5) * 8);
    for c in s.chunks(5) {
        let mut b = [0u8; 8];
        b[3..3 + c.len()].copy_from_slice(c);
        let n = u64::from_be_bytes(b);
        for k in 0..8 {
            out.push(alphabet[((n >> (35 - 5 * k)) & 31) as usize]);
        }
        let keep = [0, 2, 4, 5, 7, 8][c.len()];
        let len = out.len();
        for x in &mut out[len - 8 + keep..] {
            *x = b'=';
        }
    }
    Bytes::new(&out)
}

fn decode32(
    alphabet: &[u8; 32],
    s: DecodeData,
    casefold: bool,
    map01: Option<DecodeData>,
) -> Result<Bytes> {
    let mut s = s.bytes()?;
    if s.len() % 8 != 0 {
        return Err(binascii_error("Incorrect padding"));
    }
    if let Some(m) = map01 {
        let m = m.bytes()?;
        if m.len() != 1 {
            return Err(Error::new(
                &exc::AssertionError,
                crate::value::repr_bytes(&m),
            ));
        }
        for c in s.iter_mut() {
            *c = match *c {
                b'0' => b'O',
                b'1' => m[0],
                x => x,
            };
        }
    }
    if casefold {
        s.make_ascii_uppercase();
    }
    let l = s.len();
    while s.last() == Some(&b'=') {
        s.pop();
    }
    let padchars = l - s.len();
    let mut out = Vec::new();
    let mut acc: u64 = 0;
    for q in s.chunks(8) {
        acc = 0;
        for &c in q {
            let v = alphabet
                .iter()
                .position(|&x| x == c)
                .ok_or_else(|| binascii_error("Non-base32 digit found"))?;
            acc = (acc << 5) + v as u64;
        }
        out.extend_from_slice(&acc.to_be_bytes()[3..]);
    }
    if !matches!(padchars, 0 | 1 | 3 | 4 | 6) {
        return Err(binascii_error("Incorrect padding"));
    }
    if padchars > 0 && !out.is_empty() {
        acc <<= 5 * padchars;
        let last = acc.to_be_bytes();
        let leftover = (43 - 5 * padchars) / 8;
        let n = out.len();
        out.truncate(n - 5);
        out.extend_from_slice(&last[3..3 + leftover]);
    }
    Ok(Bytes::new(&out))
}

/// `base64.b32encode(s)`.
pub fn b32encode(s: Bytes) -> Result<Bytes> {
    Ok(encode32(B32, s.as_bytes()))
}

/// `base64.b32decode(s, casefold, map01)`.
pub fn b32decode(s: DecodeData, casefold: bool, map01: Option<DecodeData>) -> Result<Bytes> {
    decode32(B32, s, casefold, map01)
}

/// `base64.b32hexencode(s)`.
pub fn b32hexencode(s: Bytes) -> Result<Bytes> {
    Ok(encode32(B32HEX, s.as_bytes()))
}

/// `base64.b32hexdecode(s, casefold)`.
pub fn b32hexdecode(s: DecodeData, casefold: bool) -> Result<Bytes> {
    decode32(B32HEX, s, casefold, None)
}

/// `base64.b16encode(s)`: upper-case hex.
pub fn b16encode(s: Bytes) -> Result<Bytes> {
    let hex: String = s.as_bytes().iter().map(|b| format!("{b:02X}")).collect();
    Ok(Bytes::new(hex.as_bytes()))
}

/// `base64.b16decode(s, casefold)`.
pub fn b16decode(s: DecodeData, casefold: bool) -> Result<Bytes> {
    let mut s = s.bytes()?;
    if casefold {
        s.make_ascii_uppercase();
    }
    if s.iter().any(|c| !matches!(c, b'0'..=b'9' | b'A'..=b'F')) {
        return Err(binascii_error("Non-base16 digit found"));
    }
    if s.len() % 2 == 1 {
        return Err(binascii_error("Odd-length string"));
    }
    let val = |c: u8| if c <= b'9' { c - b'0' } else { c - b'A' + 10 };
    Ok(Bytes::new(
        &s.chunks(2)
            .map(|p| (val(p[0]) << 4) | val(p[1]))
            .collect::<Vec<u8>>(),
    ))
}
