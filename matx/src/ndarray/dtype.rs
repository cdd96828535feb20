//! Element types of an `NDArray` (`DType`, named as numpy names them), one element as a value (`Elem`), and the byte encodings between the two, float16 included.

use crate::error::{err, exc, Error};
use crate::value::Any;
use crate::Result;
use std::fmt;

/// The element type of an [`NDArray`](super::NDArray), named as numpy names it.
///
/// `Float16` is for storage and pass-through (numpy, DLPack): its elements read as `f64`,
/// and writes round to the nearest half (ties to even), as numpy does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DType {
    Bool,
    Int8,
    Int16,
    Int32,
    Int64,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Float16,
    Float32,
    Float64,
}

/// The family of a dtype (`numpy.dtype.kind`, and the DLPack type code).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DTypeKind {
    Bool,
    Int,
    UInt,
    Float,
}

impl DType {
    /// Every dtype, in numpy's order of promotion within each kind.
    pub const ALL: [DType; 12] = [
        DType::Bool,
        DType::Int8,
        DType::Int16,
        DType::Int32,
        DType::Int64,
        DType::UInt8,
        DType::UInt16,
        DType::UInt32,
        DType::UInt64,
        DType::Float16,
        DType::Float32,
        DType::Float64,
    ];

    /// The name numpy gives it (`"int32"`, `"float16"`, `"bool"`).
    pub fn name(self) -> &'static str {
        match self {
            DType::Bool => "bool",
            DType::Int8 => "int8",
            DType::Int16 => "int16",
            DType::Int32 => "int32",
            DType::Int64 => "int64",
            DType::UInt8 => "uint8",
            DType::UInt16 => "uint16",
            DType::UInt32 => "uint32",
            DType::UInt64 => "uint64",
            DType::Float16 => "float16",
            DType::Float32 => "float32",
            DType::Float64 => "float64",
        }
    }

    /// The dtype called `name`: numpy's names, plus `"float"`/`"double"` (float64), `"half"`
    /// (float16) and `"int"` (int64). `TypeError: data type 'x' not understood` otherwise, as
    /// numpy says it.
    pub fn from_name(name: &str) -> Result<DType> {
        if let Some(d) = DType::ALL.iter().find(|d| d.name() == name) {
            return Ok(*d);
        }
        Ok(match name {
            "bool_" => DType::Bool,
            "int" => DType::Int64,
            "float" | "double" => DType::Float64,
            "half" => DType::Float16,
            "single" => DType::Float32,
            _ => {
                return err(
                    &exc::TypeError,
                    format!("data type {} not understood", crate::value::repr_str(name)),
                )
            }
        })
    }

    /// Bytes per element.
    pub fn itemsize(self) -> usize {
        match self {
            DType::Bool | DType::Int8 | DType::UInt8 => 1,
            DType::Int16 | DType::UInt16 | DType::Float16 => 2,
            DType::Int32 | DType::UInt32 | DType::Float32 => 4,
            DType::Int64 | DType::UInt64 | DType::Float64 => 8,
        }
    }

    pub fn kind(self) -> DTypeKind {
        match self {
            DType::Bool => DTypeKind::Bool,
            DType::Int8 | DType::Int16 | DType::Int32 | DType::Int64 => DTypeKind::Int,
            DType::UInt8 | DType::UInt16 | DType::UInt32 | DType::UInt64 => DTypeKind::UInt,
            DType::Float16 | DType::Float32 | DType::Float64 => DTypeKind::Float,
        }
    }

    /// The dtype of `kind` with `bytes` bytes per element, if there is one.
    pub fn from_kind(kind: DTypeKind, bytes: usize) -> Option<DType> {
        DType::ALL
            .iter()
            .copied()
            .find(|d| d.kind() == kind && d.itemsize() == bytes)
    }

    /// The `typestr` of numpy's `__array_interface__` in native byte order (`'<i4'` on a
    /// little-endian machine, `'|b1'`, `'|u1'`, `'<f2'`).
    pub fn typestr(self) -> String {
        let order = if self.itemsize() == 1 {
            '|'
        } else if cfg!(target_endian = "little") {
            '<'
        } else {
            '>'
        };
        let kind = match self.kind() {
            DTypeKind::Bool => 'b',
            DTypeKind::Int => 'i',
            DTypeKind::UInt => 'u',
            DTypeKind::Float => 'f',
        };
        format!("{order}{kind}{}", self.itemsize())
    }

    /// The dtype of an `__array_interface__` `typestr`. `TypeError` naming the type for
    /// what matx cannot hold: objects, complex numbers, strings, structured or datetime
    /// types, and byte orders other than the machine's.
    pub fn from_typestr(typestr: &str) -> Result<DType> {
        let unsupported =
            |why: &str| Error::new(&exc::TypeError, format!("unsupported dtype {typestr}{why}"));
        let mut chars = typestr.chars();
        let (Some(order), Some(kind)) = (chars.next(), chars.next()) else {
            return Err(unsupported(""));
        };
        let bytes: usize = chars.as_str().parse().map_err(|_| unsupported(""))?;
        let native = if cfg!(target_endian = "little") {
            '<'
        } else {
            '>'
        };
        let kind = match kind {
            'b' => DTypeKind::Bool,
            'i' => DTypeKind::Int,
            'u' => DTypeKind::UInt,
            'f' => DTypeKind::Float,
            _ => return Err(unsupported("")),
        };
        let dtype = DType::from_kind(kind, bytes).ok_or_else(|| unsupported(""))?;
        match order {
            '|' | '=' => {}
            o if o == native => {}
            '<' | '>' if dtype.itemsize() == 1 => {}
            '<' | '>' => return Err(unsupported(" (non-native byte order)")),
            _ => return Err(unsupported("")),
        }
        Ok(dtype)
    }

    /// Reads one element from its native-endian bytes (`bytes[..itemsize]`).
    pub(crate) fn decode(self, b: [u8; 8]) -> Elem {
        match self {
            DType::Bool => Elem::Bool(b[0] != 0),
            DType::Int8 => Elem::Int(i8::from_ne_bytes([b[0]]) as i64),
            DType::Int16 => Elem::Int(i16::from_ne_bytes([b[0], b[1]]) as i64),
            DType::Int32 => Elem::Int(i32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
            DType::Int64 => Elem::Int(i64::from_ne_bytes(b)),
            DType::UInt8 => Elem::Int(b[0] as i64),
            DType::UInt16 => Elem::Int(u16::from_ne_bytes([b[0], b[1]]) as i64),
            DType::UInt32 => Elem::Int(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
            DType::UInt64 => Elem::from_u64(u64::from_ne_bytes(b)),
            DType::Float16 => Elem::Float(f16_to_f64(u16::from_ne_bytes([b[0], b[1]]))),
            DType::Float32 => Elem::Float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64),
            DType::Float64 => Elem::Float(f64::from_ne_bytes(b)),
        }
    }

    /// The native-endian bytes of `e` as an element of this dtype, converted as numpy
    /// converts a Python value it stores (`a[i] = x`): an int out of the dtype's range is an
    /// `OverflowError`, a float stored into an int dtype is truncated towards zero (nan and
    /// infinities cannot be), floats round to the nearest representable value.
    pub(crate) fn encode(self, e: Elem) -> Result<[u8; 8]> {
        let int = |e: Elem| -> Result<i128> {
            match e {
                Elem::Bool(b) => Ok(b as i128),
                Elem::Int(i) => Ok(i as i128),
                Elem::UInt(u) => Ok(u as i128),
                Elem::Float(f) => float_to_int(f),
            }
        };
        let out_of_bounds = |v: i128| {
            let what = match e {
                Elem::Float(f) => format!("float {}", crate::fmt::float_repr(f)),
                _ => format!("Python integer {v}"),
            };
            Error::new(
                &exc::OverflowError,
                format!("{what} out of bounds for {}", self.name()),
            )
        };
        macro_rules! int_bytes {
            ($t:ty) => {{
                let v = int(e)?;
                let x = <$t>::try_from(v).map_err(|_| out_of_bounds(v))?;
                pad(&x.to_ne_bytes())
            }};
        }
        Ok(match self {
            DType::Bool => pad(&[e.truth() as u8]),
            DType::Int8 => int_bytes!(i8),
            DType::Int16 => int_bytes!(i16),
            DType::Int32 => int_bytes!(i32),
            DType::Int64 => int_bytes!(i64),
            DType::UInt8 => int_bytes!(u8),
            DType::UInt16 => int_bytes!(u16),
            DType::UInt32 => int_bytes!(u32),
            DType::UInt64 => int_bytes!(u64),
            DType::Float16 => pad(&f64_to_f16(e.to_f64()).to_ne_bytes()),
            DType::Float32 => pad(&(e.to_f64() as f32).to_ne_bytes()),
            DType::Float64 => pad(&e.to_f64().to_ne_bytes()),
        })
    }

    /// The bytes of `e` cast to this dtype as numpy's `astype` casts (C casts): ints wrap
    /// around, floats truncate towards zero when stored into ints (saturating; nan is 0).
    pub(crate) fn cast(self, e: Elem) -> [u8; 8] {
        let bits: i128 = match e {
            Elem::Bool(b) => b as i128,
            Elem::Int(i) => i as i128,
            Elem::UInt(u) => u as i128,
            Elem::Float(f) => f as i128,
        };
        match self {
            DType::Bool => pad(&[e.truth() as u8]),
            DType::Int8 => pad(&(bits as i8).to_ne_bytes()),
            DType::Int16 => pad(&(bits as i16).to_ne_bytes()),
            DType::Int32 => pad(&(bits as i32).to_ne_bytes()),
            DType::Int64 => pad(&(bits as i64).to_ne_bytes()),
            DType::UInt8 => pad(&(bits as u8).to_ne_bytes()),
            DType::UInt16 => pad(&(bits as u16).to_ne_bytes()),
            DType::UInt32 => pad(&(bits as u32).to_ne_bytes()),
            DType::UInt64 => pad(&(bits as u64).to_ne_bytes()),
            DType::Float16 => pad(&f64_to_f16(e.to_f64()).to_ne_bytes()),
            DType::Float32 => pad(&(e.to_f64() as f32).to_ne_bytes()),
            DType::Float64 => pad(&e.to_f64().to_ne_bytes()),
        }
    }
}

impl fmt::Display for DType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

fn pad(b: &[u8]) -> [u8; 8] {
    let mut out = [0u8; 8];
    out[..b.len()].copy_from_slice(b);
    out
}

/// `int(f)` as Python computes it (truncation), with Python's errors for nan and infinities.
fn float_to_int(f: f64) -> Result<i128> {
    if f.is_nan() {
        return err(&exc::ValueError, "cannot convert float NaN to integer");
    }
    if f.is_infinite() {
        return err(
            &exc::OverflowError,
            "cannot convert float infinity to integer",
        );
    }
    // Beyond ±2^127 the cast saturates, which is out of bounds of every dtype anyway.
    Ok(f.trunc() as i128)
}

/// One element of an array as a value: what a Python `int`, `float` or `bool` holds
/// (`UInt` only for a `uint64` above `i64::MAX`, which a Python int holds and a script
/// `int` cannot).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Elem {
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
}

impl Elem {
    fn from_u64(u: u64) -> Elem {
        match i64::try_from(u) {
            Ok(i) => Elem::Int(i),
            Err(_) => Elem::UInt(u),
        }
    }
    /// The element as the script value numpy's `tolist` gives (`int`, `float`, `bool`);
    /// `OverflowError` for a `uint64` beyond a 64-bit signed int.
    pub fn to_any(self) -> Result<Any> {
        Ok(match self {
            Elem::Bool(b) => Any::Bool(b),
            Elem::Int(i) => Any::Int(i),
            Elem::Float(f) => Any::Float(f),
            Elem::UInt(u) => {
                return err(
                    &exc::OverflowError,
                    format!("uint64 element {u} does not fit a 64-bit int"),
                )
            }
        })
    }
    /// A scalar script value (`bool`, `int`, `float`) as an element; `TypeError` otherwise.
    pub fn from_any(a: &Any) -> Result<Elem> {
        match a {
            Any::Bool(b) => Ok(Elem::Bool(*b)),
            Any::Int(i) => Ok(Elem::Int(*i)),
            Any::Float(f) => Ok(Elem::Float(*f)),
            _ => Err(Elem::not_a_number(crate::PyValue::py_type_name(a))),
        }
    }
    /// `TypeError` for a value of type `got` where an element is expected.
    pub fn not_a_number(got: &str) -> Error {
        Error::new(
            &exc::TypeError,
            format!("an array element must be a bool, int or float, not {got}"),
        )
    }
    /// `bool(x)`.
    pub fn truth(self) -> bool {
        match self {
            Elem::Bool(b) => b,
            Elem::Int(i) => i != 0,
            Elem::UInt(u) => u != 0,
            Elem::Float(f) => f != 0.0,
        }
    }
    /// `float(x)` (rounded to the nearest f64 for large ints).
    pub fn to_f64(self) -> f64 {
        match self {
            Elem::Bool(b) => b as u8 as f64,
            Elem::Int(i) => i as f64,
            Elem::UInt(u) => u as f64,
            Elem::Float(f) => f,
        }
    }
    /// The smallest dtype numpy gives a list holding this value, given what earlier
    /// elements needed (bool < int64 < uint64 for ints above int64 < float64).
    pub(crate) fn promote(self, so_far: Option<DType>) -> DType {
        let mine = match self {
            Elem::Bool(_) => DType::Bool,
            Elem::Int(_) => DType::Int64,
            Elem::UInt(_) => DType::UInt64,
            Elem::Float(_) => DType::Float64,
        };
        let rank = |d: DType| match d {
            DType::Bool => 0,
            DType::UInt64 => 2,
            DType::Float64 => 3,
            _ => 1,
        };
        match so_far {
            Some(d) if rank(d) >= rank(mine) => d,
            _ => mine,
        }
    }
    /// Appends the element as Python's `repr` of `tolist()`'s value writes it.
    pub(crate) fn repr_into(self, out: &mut String) {
        match self {
            Elem::Bool(b) => out.push_str(if b { "True" } else { "False" }),
            Elem::Int(i) => out.push_str(&i.to_string()),
            Elem::UInt(u) => out.push_str(&u.to_string()),
            Elem::Float(f) => out.push_str(&crate::fmt::float_repr(f)),
        }
    }
}

/// An IEEE 754 binary16 (numpy's float16) as the f64 of the same value (exact).
pub fn f16_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let man = (h & 0x3ff) as f64;
    match exp {
        0 => sign * man * 2f64.powi(-24),
        0x1f if man == 0.0 => sign * f64::INFINITY,
        0x1f => f64::NAN,
        _ => sign * (1024.0 + man) * 2f64.powi(exp - 25),
    }
}

/// `x` rounded to the nearest binary16 (ties to even), as numpy's `float16(x)`: beyond the
/// largest half it is an infinity, below half the smallest subnormal it is zero.
pub fn f64_to_f16(x: f64) -> u16 {
    let bits = x.to_bits();
    let sign = ((bits >> 48) & 0x8000) as u16;
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let man = bits & ((1u64 << 52) - 1);
    if exp == 0x7ff {
        return if man == 0 {
            sign | 0x7c00
        } else {
            // A quiet nan, keeping the top of the payload.
            sign | 0x7e00 | ((man >> 42) as u16 & 0x3ff)
        };
    }
    // The exponent biased for binary16.
    let e = exp - 1023 + 15;
    if e >= 0x1f {
        return sign | 0x7c00;
    }
    let round = |value: u64, shift: u32| -> u64 {
        let kept = value >> shift;
        let rem = value & ((1u64 << shift) - 1);
        let half = 1u64 << (shift - 1);
        if rem > half || (rem == half && kept & 1 == 1) {
            kept + 1
        } else {
            kept
        }
    };
    if e <= 0 {
        // Subnormal (or zero): the value is h * 2^-24.
        if e < -10 {
            return sign;
        }
        let m = man | (1u64 << 52);
        let shift = (43 - e) as u32;
        // A carry into bit 10 makes the smallest normal, which is the right encoding.
        return sign | round(m, shift) as u16;
    }
    // Rounding the mantissa may carry into the exponent (and out of the top one, to
    // infinity), which is the right encoding in both cases.
    sign | (((e as u64) << 10) + round(man, 42)) as u16
}
