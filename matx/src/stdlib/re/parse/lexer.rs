//! The pattern's tokens (characters and escapes) and the escapes' meanings, with `re._parser`'s errors.

use super::tree::{py_repr, At, Cat, Node, ParseError, Res, SetItem, State};

/// A token: one character, or a backslash and the character after it.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Tok {
    Ch(u32),
    Esc(u32),
}

impl Tok {
    pub(super) fn len(self) -> usize {
        match self {
            Tok::Ch(_) => 1,
            Tok::Esc(_) => 2,
        }
    }
    pub(super) fn is(self, c: char) -> bool {
        self == Tok::Ch(c as u32)
    }
    pub(super) fn text(self) -> String {
        let ch = |c: u32| char::from_u32(c).unwrap_or('\u{fffd}');
        match self {
            Tok::Ch(c) => ch(c).to_string(),
            Tok::Esc(c) => format!("\\{}", ch(c)),
        }
    }
}

pub(super) struct Tokenizer<'a> {
    s: &'a [u32],
    pub(super) istext: bool,
    index: usize,
    pub(super) next: Option<Tok>,
}

pub(super) fn c(ch: char) -> u32 {
    ch as u32
}

pub(super) fn is_digit(t: Option<Tok>) -> bool {
    matches!(t, Some(Tok::Ch(x)) if (c('0')..=c('9')).contains(&x))
}

pub(super) fn is_octdigit(t: Option<Tok>) -> bool {
    matches!(t, Some(Tok::Ch(x)) if (c('0')..=c('7')).contains(&x))
}

pub(super) fn is_hexdigit(x: u32) -> bool {
    char::from_u32(x).is_some_and(|ch| ch.is_ascii_hexdigit())
}

pub(super) fn is_ascii_letter(x: u32) -> bool {
    char::from_u32(x).is_some_and(|ch| ch.is_ascii_alphabetic())
}

impl<'a> Tokenizer<'a> {
    pub(super) fn new(s: &'a [u32], istext: bool) -> Res<Self> {
        let mut t = Tokenizer {
            s,
            istext,
            index: 0,
            next: None,
        };
        t.advance()?;
        Ok(t)
    }
    pub(super) fn advance(&mut self) -> Res<()> {
        let Some(&ch) = self.s.get(self.index) else {
            self.next = None;
            return Ok(());
        };
        if ch == c('\\') {
            match self.s.get(self.index + 1) {
                Some(&e) => {
                    self.next = Some(Tok::Esc(e));
                    self.index += 2;
                }
                None => {
                    return Err(ParseError::Re {
                        msg: "bad escape (end of pattern)".into(),
                        pos: Some(self.s.len().saturating_sub(1)),
                    })
                }
            }
        } else {
            self.next = Some(Tok::Ch(ch));
            self.index += 1;
        }
        Ok(())
    }
    pub(super) fn matches(&mut self, ch: char) -> Res<bool> {
        if self.next == Some(Tok::Ch(c(ch))) {
            self.advance()?;
            return Ok(true);
        }
        Ok(false)
    }
    pub(super) fn get(&mut self) -> Res<Option<Tok>> {
        let t = self.next;
        self.advance()?;
        Ok(t)
    }
    /// Up to `n` more characters from `set` (`getwhile`).
    pub(super) fn getwhile(&mut self, n: usize, set: impl Fn(u32) -> bool) -> Res<Vec<u32>> {
        let mut out = Vec::new();
        for _ in 0..n {
            match self.next {
                Some(Tok::Ch(x)) if set(x) => {
                    out.push(x);
                    self.advance()?;
                }
                _ => break,
            }
        }
        Ok(out)
    }
    pub(super) fn tell(&self) -> usize {
        self.index - self.next.map_or(0, Tok::len)
    }
    pub(super) fn seek(&mut self, index: usize) -> Res<()> {
        self.index = index;
        self.advance()
    }
    pub(super) fn error(&self, msg: impl Into<String>, offset: usize) -> ParseError {
        let mut msg = msg.into();
        if !self.istext {
            msg = ascii_backslashreplace(&msg);
        }
        ParseError::Re {
            msg,
            pos: Some(self.tell().saturating_sub(offset)),
        }
    }
    /// `getuntil(terminator, name)`: the characters up to `terminator` (the name of a group).
    pub(super) fn getuntil(&mut self, terminator: char, name: &str) -> Res<String> {
        let mut result = String::new();
        let mut n = 0usize;
        loop {
            let t = self.next;
            self.advance()?;
            match t {
                None => {
                    if n == 0 {
                        return Err(self.error(format!("missing {name}"), 0));
                    }
                    return Err(self.error(format!("missing {terminator}, unterminated name"), n));
                }
                Some(t) if t.is(terminator) => {
                    if n == 0 {
                        return Err(self.error(format!("missing {name}"), 1));
                    }
                    break;
                }
                Some(t) => {
                    result.push_str(&t.text());
                    n += t.len();
                }
            }
        }
        Ok(result)
    }
    pub(super) fn checkgroupname(&self, name: &str, offset: usize) -> Res<()> {
        if !is_identifier(name) {
            return Err(self.error(
                format!("bad character in group name {}", py_repr(name)),
                name.chars().count() + offset,
            ));
        }
        Ok(())
    }
}

pub(super) fn is_identifier(s: &str) -> bool {
    crate::value::Str::from(s).isidentifier().unwrap_or(false)
}

pub(super) fn ascii_backslashreplace(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        if ch.is_ascii() {
            out.push(ch);
        } else if (ch as u32) < 0x100 {
            out.push_str(&format!("\\x{:02x}", ch as u32));
        } else if (ch as u32) < 0x10000 {
            out.push_str(&format!("\\u{:04x}", ch as u32));
        } else {
            out.push_str(&format!("\\U{:08x}", ch as u32));
        }
    }
    out
}

fn hexval(ds: &[u32]) -> u32 {
    ds.iter().fold(0u32, |a, &d| {
        a * 16 + char::from_u32(d).and_then(|x| x.to_digit(16)).unwrap_or(0)
    })
}

fn octval(ds: &[u32]) -> u32 {
    ds.iter().fold(0u32, |a, &d| a * 8 + (d - c('0')))
}

enum Esc {
    Node(Node),
    Set(SetItem),
}

fn category(e: u32) -> Option<Esc> {
    let ch = char::from_u32(e)?;
    Some(match ch {
        'A' => Esc::Node(Node::At(At::BeginningString)),
        'b' => Esc::Node(Node::At(At::Boundary)),
        'B' => Esc::Node(Node::At(At::NonBoundary)),
        'Z' => Esc::Node(Node::At(At::EndString)),
        'd' => Esc::Set(SetItem::Category(Cat::Digit)),
        'D' => Esc::Set(SetItem::Category(Cat::NotDigit)),
        's' => Esc::Set(SetItem::Category(Cat::Space)),
        'S' => Esc::Set(SetItem::Category(Cat::NotSpace)),
        'w' => Esc::Set(SetItem::Category(Cat::Word)),
        'W' => Esc::Set(SetItem::Category(Cat::NotWord)),
        _ => return None,
    })
}

fn simple_escape(e: u32) -> Option<u32> {
    Some(match char::from_u32(e)? {
        'a' => 7,
        'b' => 8,
        'f' => 12,
        'n' => 10,
        'r' => 13,
        't' => 9,
        'v' => 11,
        '\\' => c('\\'),
        _ => return None,
    })
}

/// The escapes shared by classes and patterns: `\x`, `\u`, `\U`, `\N`.
fn numeric_escape(src: &mut Tokenizer, e: u32) -> Res<Option<u32>> {
    let (n, what) = match char::from_u32(e) {
        Some('x') => (2, 'x'),
        Some('u') if src.istext => (4, 'u'),
        Some('U') if src.istext => (8, 'U'),
        Some('N') if src.istext => {
            return Err(ParseError::Unsupported(
                "\\N{...} named characters in patterns are not supported: write the character itself or \\uXXXX".into(),
            ))
        }
        _ => return Ok(None),
    };
    let ds = src.getwhile(n, is_hexdigit)?;
    if ds.len() != n {
        let text: String = ds.iter().filter_map(|&d| char::from_u32(d)).collect();
        let esc = format!("\\{what}{text}");
        return Err(src.error(format!("incomplete escape {esc}"), esc.chars().count()));
    }
    let v = hexval(&ds);
    if what == 'U' && char::from_u32(v).is_none() && !(0xd800..0xe000).contains(&v) {
        let text: String = ds.iter().filter_map(|&d| char::from_u32(d)).collect();
        let esc = format!("\\U{text}");
        return Err(src.error(format!("bad escape {esc}"), esc.len()));
    }
    Ok(Some(v))
}

pub(super) fn class_escape(src: &mut Tokenizer, e: u32) -> Res<SetItem> {
    if let Some(v) = simple_escape(e) {
        return Ok(SetItem::Literal(v));
    }
    if let Some(Esc::Set(s)) = category(e) {
        return Ok(s);
    }
    if let Some(v) = numeric_escape(src, e)? {
        return Ok(SetItem::Literal(v));
    }
    let tok = Tok::Esc(e);
    if (c('0')..=c('7')).contains(&e) {
        let mut ds = vec![e];
        ds.extend(src.getwhile(2, |x| (c('0')..=c('7')).contains(&x))?);
        let v = octval(&ds);
        if v > 0o377 {
            let esc: String = std::iter::once('\\')
                .chain(ds.iter().filter_map(|&d| char::from_u32(d)))
                .collect();
            return Err(src.error(
                format!("octal escape value {esc} outside of range 0-0o377"),
                esc.len(),
            ));
        }
        return Ok(SetItem::Literal(v));
    }
    if (c('0')..=c('9')).contains(&e) || is_ascii_letter(e) {
        return Err(src.error(format!("bad escape {}", tok.text()), 2));
    }
    Ok(SetItem::Literal(e))
}

pub(super) fn escape(src: &mut Tokenizer, e: u32, state: &State) -> Res<Node> {
    if let Some(cat) = category(e) {
        return Ok(match cat {
            Esc::Node(n) => n,
            Esc::Set(s) => Node::In(vec![s]),
        });
    }
    if let Some(v) = simple_escape(e) {
        return Ok(Node::Literal(v));
    }
    if let Some(v) = numeric_escape(src, e)? {
        return Ok(Node::Literal(v));
    }
    let tok = Tok::Esc(e);
    if e == c('0') {
        let mut ds = vec![e];
        ds.extend(src.getwhile(2, |x| (c('0')..=c('7')).contains(&x))?);
        return Ok(Node::Literal(octval(&ds)));
    }
    if (c('1')..=c('9')).contains(&e) {
        let mut ds = vec![e];
        if is_digit(src.next) {
            if let Some(Tok::Ch(d)) = src.get()? {
                ds.push(d);
            }
            if (c('0')..=c('7')).contains(&ds[0])
                && (c('0')..=c('7')).contains(&ds[1])
                && is_octdigit(src.next)
            {
                if let Some(Tok::Ch(d)) = src.get()? {
                    ds.push(d);
                }
                let v = octval(&ds);
                if v > 0o377 {
                    let esc: String = std::iter::once('\\')
                        .chain(ds.iter().filter_map(|&d| char::from_u32(d)))
                        .collect();
                    return Err(src.error(
                        format!("octal escape value {esc} outside of range 0-0o377"),
                        esc.len(),
                    ));
                }
                return Ok(Node::Literal(v));
            }
        }
        let group: usize = ds.iter().fold(0, |a, &d| a * 10 + (d - c('0')) as usize);
        let esc_len = ds.len() + 1;
        if group < state.groups() {
            if !state.checkgroup(group) {
                return Err(src.error("cannot refer to an open group", esc_len));
            }
            check_lookbehind_group(state, group, src)?;
            return Ok(Node::GroupRef(group));
        }
        return Err(src.error(format!("invalid group reference {group}"), esc_len - 1));
    }
    if is_ascii_letter(e) {
        return Err(src.error(format!("bad escape {}", tok.text()), 2));
    }
    Ok(Node::Literal(e))
}

pub(super) fn check_lookbehind_group(state: &State, gid: usize, src: &Tokenizer) -> Res<()> {
    if let Some(lb) = state.lookbehindgroups {
        if !state.checkgroup(gid) {
            return Err(src.error("cannot refer to an open group", 0));
        }
        if gid >= lb {
            return Err(src.error(
                "cannot refer to group defined in the same lookbehind subpattern",
                0,
            ));
        }
    }
    Ok(())
}
