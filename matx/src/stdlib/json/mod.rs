//! `json`: `dumps` byte-identical to CPython's (both its C and its indenting encoder, every
//! option) and `loads` with CPython's scanner and `JSONDecodeError` messages.

mod dumps;
mod loads;

pub use self::dumps::{dumps, DumpsOptions};
pub use self::loads::{loads, loads_bytes, JSON_DECODE_ERROR};
