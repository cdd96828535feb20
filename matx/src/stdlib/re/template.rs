//! Replacement templates of `sub` and `Match.expand` (`\1`, `\g<name>`, `\g<0>`, escapes),
//! parsed with CPython's errors and expanded with '' for groups that did not take part.

use super::parse::MAXGROUPS;
use super::pattern::{Match, Pattern, ReString, RE_ERROR};
use crate::error::{exc, Error};
use crate::value::Any;
use crate::Result;

enum Piece {
    Lit(Vec<u32>),
    Group(usize),
}

/// A parsed replacement.
pub(crate) struct Template {
    pieces: Vec<Piece>,
}

fn err_at(msg: String, pos: usize) -> Error {
    Error::new(&RE_ERROR, format!("{msg} at position {pos}"))
}

impl Template {
    /// `re._parser.parse_template(repl, pattern)`.
    pub(crate) fn parse<S: ReString>(repl: &S, pattern: &Pattern) -> Result<Template> {
        let s = repl.code_points();
        let groups = pattern.groups() as usize + 1;
        let mut pieces: Vec<Piece> = Vec::new();
        let mut lit: Vec<u32> = Vec::new();
        let c = |ch: char| ch as u32;
        let mut i = 0;
        let flush = |lit: &mut Vec<u32>, pieces: &mut Vec<Piece>| {
            if !lit.is_empty() {
                pieces.push(Piece::Lit(std::mem::take(lit)));
            }
        };
        while i < s.len() {
            let ch = s[i];
            if ch != c('\\') {
                lit.push(ch);
                i += 1;
                continue;
            }
            let Some(&e) = s.get(i + 1) else {
                return Err(err_at("bad escape (end of pattern)".into(), s.len() - 1));
            };
            i += 2;
            let is_oct = |x: u32| (c('0')..=c('7')).contains(&x);
            let is_dig = |x: u32| (c('0')..=c('9')).contains(&x);
            if e == c('g') {
                if s.get(i) != Some(&c('<')) {
                    return Err(err_at("missing <".into(), i));
                }
                i += 1;
                let close = s[i..].iter().position(|&x| x == c('>'));
                let name: String;
                match close {
                    None => {
                        let n = s.len() - i;
                        if n == 0 {
                            return Err(err_at("missing group name".into(), s.len()));
                        }
                        return Err(err_at("missing >, unterminated name".into(), s.len() - n));
                    }
                    Some(0) => return Err(err_at("missing group name".into(), i)),
                    Some(k) => {
                        name = s[i..i + k]
                            .iter()
                            .filter_map(|&x| char::from_u32(x))
                            .collect();
                        i += k + 1;
                    }
                }
                let len = name.chars().count();
                let ident = crate::value::Str::from(name.as_str())
                    .isidentifier()
                    .unwrap_or(false);
                let index = if ident {
                    match pattern.groupindex().iter().find(|(n, _)| *n == name) {
                        Some((_, g)) => *g,
                        None => {
                            return Err(Error::new(
                                &exc::IndexError,
                                format!("unknown group name {}", crate::value::repr_str(&name)),
                            ))
                        }
                    }
                } else {
                    let v =
                        crate::builtins::int_from_str(&crate::value::Str::from(name.as_str()), 10)
                            .ok()
                            .filter(|v| *v >= 0);
                    let Some(v) = v else {
                        return Err(err_at(
                            format!(
                                "bad character in group name {}",
                                crate::value::repr_str(&name)
                            ),
                            i - len - 1,
                        ));
                    };
                    if v as u64 >= MAXGROUPS as u64 {
                        return Err(err_at(format!("invalid group reference {v}"), i - len - 1));
                    }
                    v as usize
                };
                if index > groups - 1 + 1 - 1 && index >= groups {
                    return Err(err_at(
                        format!("invalid group reference {index}"),
                        i - len - 1,
                    ));
                }
                flush(&mut lit, &mut pieces);
                pieces.push(Piece::Group(index));
            } else if e == c('0') {
                let mut v = 0u32;
                let mut k = 0;
                while k < 2 && s.get(i).is_some_and(|&x| is_oct(x)) {
                    v = v * 8 + (s[i] - c('0'));
                    i += 1;
                    k += 1;
                }
                lit.push(v & 0xff);
            } else if is_dig(e) {
                let start = i - 2;
                let mut digits = vec![e];
                let mut octal = false;
                if s.get(i).is_some_and(|&x| is_dig(x)) {
                    digits.push(s[i]);
                    i += 1;
                    if is_oct(digits[0])
                        && is_oct(digits[1])
                        && s.get(i).is_some_and(|&x| is_oct(x))
                    {
                        digits.push(s[i]);
                        i += 1;
                        octal = true;
                        let v = digits.iter().fold(0u32, |a, &d| a * 8 + (d - c('0')));
                        if v > 0o377 {
                            let text: String = std::iter::once('\\')
                                .chain(digits.iter().filter_map(|&d| char::from_u32(d)))
                                .collect();
                            return Err(err_at(
                                format!("octal escape value {text} outside of range 0-0o377"),
                                start,
                            ));
                        }
                        lit.push(v);
                    }
                }
                if !octal {
                    let index = digits
                        .iter()
                        .fold(0usize, |a, &d| a * 10 + (d - c('0')) as usize);
                    if index >= groups {
                        return Err(err_at(
                            format!("invalid group reference {index}"),
                            start + 1,
                        ));
                    }
                    flush(&mut lit, &mut pieces);
                    pieces.push(Piece::Group(index));
                }
            } else {
                let simple = match char::from_u32(e) {
                    Some('a') => Some(7),
                    Some('b') => Some(8),
                    Some('f') => Some(12),
                    Some('n') => Some(10),
                    Some('r') => Some(13),
                    Some('t') => Some(9),
                    Some('v') => Some(11),
                    Some('\\') => Some(c('\\')),
                    _ => None,
                };
                match simple {
                    Some(v) => lit.push(v),
                    None => {
                        if char::from_u32(e).is_some_and(|x| x.is_ascii_alphabetic()) {
                            let text = format!("\\{}", char::from_u32(e).unwrap_or('?'));
                            return Err(err_at(format!("bad escape {text}"), i - 2));
                        }
                        lit.push(c('\\'));
                        lit.push(e);
                    }
                }
            }
        }
        flush(&mut lit, &mut pieces);
        Ok(Template { pieces })
    }

    /// `expand_template(template, match)`.
    pub(crate) fn expand<S: ReString>(&self, m: &Match<S>) -> Result<S> {
        let bytes = m.subject().is_bytes();
        let mut out: Vec<u32> = Vec::new();
        for p in &self.pieces {
            match p {
                Piece::Lit(l) => out.extend_from_slice(l),
                Piece::Group(g) => {
                    if let Some((i, j)) = m.span_of(*g) {
                        match m.subject().slice(i, j) {
                            Any::Str(s) => out.extend(s.as_str().chars().map(|c| c as u32)),
                            Any::Bytes(b) => out.extend(b.as_bytes().iter().map(|&x| u32::from(x))),
                            _ => {}
                        }
                    }
                }
            }
        }
        let v = if bytes {
            Any::Bytes(crate::value::Bytes::new(
                &out.iter().map(|&x| x as u8).collect::<Vec<u8>>(),
            ))
        } else {
            Any::Str(crate::value::Str::from(
                out.iter()
                    .filter_map(|&x| char::from_u32(x))
                    .collect::<String>(),
            ))
        };
        Ok(S::from_any(v))
    }
}
