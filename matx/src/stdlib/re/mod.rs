//! `re`: Python's regular expressions with CPython's exact semantics. Patterns are parsed and
//! compiled as `re._parser`/`re._compiler` do and run on a transcription of CPython's own
//! backtracking matcher, so `\w`, `\s`, `\d`, `\b`, `$`, case-insensitive matching, group
//! captures and every error message are CPython 3.11's.

mod case;
mod compile;
mod engine;
pub mod flags;
mod parse;
mod pattern;
mod subject;
mod tables;
mod template;

pub use self::pattern::{GroupKey, Match, Pattern, ReString, RE_ERROR};

use crate::value::Str;
use crate::Result;

/// `re.compile(pattern, flags)` (compiled patterns are cached by pattern and flags, as CPython
/// caches them).
pub fn compile<S: ReString>(pattern: &S, flags: i64) -> Result<Pattern> {
    use parking_lot::Mutex;
    use std::collections::HashMap;
    use std::sync::OnceLock;
    type Key = (bool, Vec<u32>, i64);
    static CACHE: OnceLock<Mutex<HashMap<Key, Pattern>>> = OnceLock::new();
    let key = (S::IS_TEXT, pattern.code_points(), flags);
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(p) = cache.lock().get(&key) {
        return Ok(p.clone());
    }
    let p = Pattern::new(pattern, flags)?;
    let mut c = cache.lock();
    if c.len() >= 512 {
        c.clear();
    }
    c.insert(key, p.clone());
    Ok(p)
}

/// `re.escape(pattern)`: every character other than ASCII letters, digits and `_` escaped.
pub fn escape(s: Str) -> Str {
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        if "()[]{}?*+-|^$\\.&~# \t\n\r\u{b}\u{c}".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    Str::from(out)
}
