//! The Python standard library modules scripts may import, each giving CPython's exact
//! results and exceptions: one file or folder per module.

pub mod base64;
pub mod bisect;
pub mod collections;
pub mod functools;
pub mod heapq;
pub mod itertools;
pub mod json;
pub mod random;
pub mod re;
pub mod string;
pub mod unicodedata;
