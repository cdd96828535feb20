//! `str` and `bytes` methods with CPython's results on all of Unicode.
