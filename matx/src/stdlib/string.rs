//! `string`: the module's constants and `capwords`.

use crate::value::{List, Str};
use crate::Result;

pub const ASCII_LOWERCASE: &str = "abcdefghijklmnopqrstuvwxyz";
pub const ASCII_UPPERCASE: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
pub const ASCII_LETTERS: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
pub const DIGITS: &str = "0123456789";
pub const HEXDIGITS: &str = "0123456789abcdefABCDEF";
pub const OCTDIGITS: &str = "01234567";
pub const PUNCTUATION: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
pub const WHITESPACE: &str = " \t\n\r\x0b\x0c";
pub const PRINTABLE: &str = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\x0b\x0c";

/// The constant `string.NAME`, by its Python name.
pub fn constant(name: &str) -> Option<&'static str> {
    Some(match name {
        "ascii_lowercase" => ASCII_LOWERCASE,
        "ascii_uppercase" => ASCII_UPPERCASE,
        "ascii_letters" => ASCII_LETTERS,
        "digits" => DIGITS,
        "hexdigits" => HEXDIGITS,
        "octdigits" => OCTDIGITS,
        "punctuation" => PUNCTUATION,
        "whitespace" => WHITESPACE,
        "printable" => PRINTABLE,
        _ => return None,
    })
}

/// `string.capwords(s, sep)`: `(sep or ' ').join(w.capitalize() for w in s.split(sep))`.
pub fn capwords(s: Str, sep: Option<Str>) -> Result<Str> {
    let words = s.split(sep.clone(), -1)?;
    let mut caps = Vec::with_capacity(words.len());
    for w in words.to_vec() {
        caps.push(w.capitalize()?);
    }
    let joiner = match sep {
        Some(s) if !s.is_empty() => s,
        _ => Str::from(" "),
    };
    joiner.join(List::from_vec(caps))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_and_capwords_match_cpython() {
        // python3 -c "import string; print(repr(string.printable), repr(string.punctuation))"
        assert_eq!(PRINTABLE.len(), 100);
        assert_eq!(
            format!("{}{}{}{}", DIGITS, ASCII_LETTERS, PUNCTUATION, WHITESPACE),
            PRINTABLE
        );
        // string.capwords("  hello   wORLD-x ") == 'Hello World-x'
        let c = |s: &str, sep: Option<&str>| {
            capwords(Str::from(s), sep.map(Str::from))
                .unwrap()
                .as_str()
                .to_string()
        };
        assert_eq!(c("  hello   wORLD-x ", None), "Hello World-x");
        // string.capwords("a-b--c", "-") == 'A-B--C'; string.capwords("ab", "") raises ValueError
        assert_eq!(c("a-b--c", Some("-")), "A-B--C");
        assert!(capwords(Str::from("ab"), Some(Str::from(""))).is_err());
    }
}
