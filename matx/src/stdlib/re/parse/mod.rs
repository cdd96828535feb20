//! The pattern parser: Python's `re` syntax into a tree, step for step as `re._parser` reads it,

mod group;
mod lexer;
mod tree;

pub(crate) use self::tree::*;

use self::lexer::{c, class_escape, escape, is_digit, Tok, Tokenizer};
use super::flags::*;

fn uniq(items: Vec<SetItem>) -> Vec<SetItem> {
    let mut out: Vec<SetItem> = Vec::with_capacity(items.len());
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

struct Parser<'a, 'b> {
    src: Tokenizer<'a>,
    state: &'b mut State,
}

const SPECIAL: &str = ".\\[{()*+?^$|";

impl Parser<'_, '_> {
    fn parse_sub(&mut self, mut verbose: bool, nested: usize) -> Res<Vec<Node>> {
        let mut items: Vec<Vec<Node>> = Vec::new();
        loop {
            let first = nested == 0 && items.is_empty();
            items.push(self.parse(verbose, nested + 1, first)?);
            if !self.src.matches('|')? {
                break;
            }
            if nested == 0 {
                verbose = self.state.flags & VERBOSE != 0;
            }
        }
        if items.len() == 1 {
            return Ok(items.pop().unwrap_or_default());
        }
        let mut sub = Vec::new();
        // Move a prefix all alternatives share out of the branch.
        while let Some(prefix) = items[0].first().cloned() {
            if items
                .iter()
                .all(|it| it.first().is_some_and(|n| n.prefix_eq(&prefix)))
            {
                for it in items.iter_mut() {
                    it.remove(0);
                }
                sub.push(prefix);
                continue;
            }
            break;
        }
        // Single characters and classes: one class instead of a branch.
        let mut set = Vec::new();
        let mut all = true;
        for it in &items {
            if it.len() != 1 {
                all = false;
                break;
            }
            match &it[0] {
                Node::Literal(x) => set.push(SetItem::Literal(*x)),
                Node::In(av) if av.first() != Some(&SetItem::Negate) => {
                    set.extend(av.iter().copied())
                }
                _ => {
                    all = false;
                    break;
                }
            }
        }
        if all {
            sub.push(Node::In(uniq(set)));
            return Ok(sub);
        }
        sub.push(Node::Branch(items));
        Ok(sub)
    }

    fn parse(&mut self, mut verbose: bool, nested: usize, first: bool) -> Res<Vec<Node>> {
        let mut sub: Vec<Node> = Vec::new();
        while let Some(this) = self.src.next {
            if this.is('|') || this.is(')') {
                break;
            }
            self.src.get()?;
            if verbose {
                if let Tok::Ch(x) = this {
                    if [' ', '\t', '\n', '\r', '\u{b}', '\u{c}']
                        .iter()
                        .any(|&w| x == c(w))
                    {
                        continue;
                    }
                    if x == c('#') {
                        loop {
                            match self.src.get()? {
                                None => break,
                                Some(t) if t.is('\n') => break,
                                _ => {}
                            }
                        }
                        continue;
                    }
                }
            }
            let x = match this {
                Tok::Esc(e) => {
                    let n = escape(&mut self.src, e, self.state)?;
                    sub.push(n);
                    continue;
                }
                Tok::Ch(x) => x,
            };
            let ch = char::from_u32(x).unwrap_or('\0');
            if !SPECIAL.contains(ch) || x > 0x7f {
                sub.push(Node::Literal(x));
            } else if ch == '[' {
                self.parse_class(&mut sub)?;
            } else if "*+?{".contains(ch) {
                if !self.parse_repeat(&mut sub, ch)? {
                    continue;
                }
            } else if ch == '.' {
                sub.push(Node::Any);
            } else if ch == '(' {
                match self.parse_group(&mut sub, verbose, nested, first)? {
                    GroupOutcome::Done => {}
                    GroupOutcome::GlobalFlags => {
                        verbose = self.state.flags & VERBOSE != 0;
                    }
                }
            } else if ch == '^' {
                sub.push(Node::At(At::Beginning));
            } else if ch == '$' {
                sub.push(Node::At(At::End));
            }
        }
        // Unpack groups that neither capture nor set flags.
        let mut out = Vec::with_capacity(sub.len());
        for n in sub {
            match n {
                Node::Subpattern {
                    group: None,
                    add: 0,
                    del: 0,
                    body,
                } => out.extend(body),
                n => out.push(n),
            }
        }
        Ok(out)
    }

    fn parse_class(&mut self, sub: &mut Vec<Node>) -> Res<()> {
        let here = self.src.tell() - 1;
        let mut set: Vec<SetItem> = Vec::new();
        let negate = self.src.matches('^')?;
        loop {
            let Some(this) = self.src.get()? else {
                return Err(self
                    .src
                    .error("unterminated character set", self.src.tell() - here));
            };
            if this.is(']') && !set.is_empty() {
                break;
            }
            let code1 = match this {
                Tok::Esc(e) => class_escape(&mut self.src, e)?,
                Tok::Ch(x) => SetItem::Literal(x),
            };
            if self.src.matches('-')? {
                let Some(that) = self.src.get()? else {
                    return Err(self
                        .src
                        .error("unterminated character set", self.src.tell() - here));
                };
                if that.is(']') {
                    set.push(code1);
                    set.push(SetItem::Literal(c('-')));
                    break;
                }
                let code2 = match that {
                    Tok::Esc(e) => class_escape(&mut self.src, e)?,
                    Tok::Ch(x) => SetItem::Literal(x),
                };
                let bad = || format!("bad character range {}-{}", this.text(), that.text());
                let (SetItem::Literal(lo), SetItem::Literal(hi)) = (code1, code2) else {
                    return Err(self.src.error(bad(), this.len() + 1 + that.len()));
                };
                if hi < lo {
                    return Err(self.src.error(bad(), this.len() + 1 + that.len()));
                }
                set.push(SetItem::Range(lo, hi));
            } else {
                set.push(code1);
            }
        }
        let mut set = uniq(set);
        if set.len() == 1 {
            if let SetItem::Literal(x) = set[0] {
                sub.push(if negate {
                    Node::NotLiteral(x)
                } else {
                    Node::Literal(x)
                });
                return Ok(());
            }
        }
        if negate {
            set.insert(0, SetItem::Negate);
        }
        sub.push(Node::In(set));
        Ok(())
    }

    /// A repeat after the last item; false when `{` turned out to be a literal.
    fn parse_repeat(&mut self, sub: &mut Vec<Node>, ch: char) -> Res<bool> {
        let here = self.src.tell();
        let (min, max) = match ch {
            '?' => (0, 1),
            '*' => (0, MAXREPEAT),
            '+' => (1, MAXREPEAT),
            _ => {
                if self.src.next == Some(Tok::Ch(c('}'))) {
                    sub.push(Node::Literal(c('{')));
                    return Ok(false);
                }
                let (mut min, mut max) = (0u32, MAXREPEAT);
                let mut lo = String::new();
                let mut hi = String::new();
                while is_digit(self.src.next) {
                    if let Some(t) = self.src.get()? {
                        lo.push_str(&t.text());
                    }
                }
                if self.src.matches(',')? {
                    while is_digit(self.src.next) {
                        if let Some(t) = self.src.get()? {
                            hi.push_str(&t.text());
                        }
                    }
                } else {
                    hi = lo.clone();
                }
                if !self.src.matches('}')? {
                    sub.push(Node::Literal(c('{')));
                    self.src.seek(here)?;
                    return Ok(false);
                }
                let too_large =
                    || ParseError::Overflow("the repetition number is too large".into());
                if !lo.is_empty() {
                    let v: u64 = lo.parse().unwrap_or(u64::MAX);
                    if v >= u64::from(MAXREPEAT) {
                        return Err(too_large());
                    }
                    min = v as u32;
                }
                if !hi.is_empty() {
                    let v: u64 = hi.parse().unwrap_or(u64::MAX);
                    if v >= u64::from(MAXREPEAT) {
                        return Err(too_large());
                    }
                    max = v as u32;
                    if max < min {
                        return Err(self
                            .src
                            .error("min repeat greater than max repeat", self.src.tell() - here));
                    }
                }
                (min, max)
            }
        };
        let item = sub.pop();
        let Some(item) = item.filter(|i| !matches!(i, Node::At(_))) else {
            return Err(self
                .src
                .error("nothing to repeat", self.src.tell() - here + 1));
        };
        if matches!(item, Node::Repeat { .. }) {
            return Err(self
                .src
                .error("multiple repeat", self.src.tell() - here + 1));
        }
        let body = match item {
            Node::Subpattern {
                group: None,
                add: 0,
                del: 0,
                body,
            } => body,
            other => vec![other],
        };
        let kind = if self.src.matches('?')? {
            RepeatKind::Min
        } else if self.src.matches('+')? {
            RepeatKind::Possessive
        } else {
            RepeatKind::Max
        };
        sub.push(Node::Repeat {
            kind,
            min,
            max,
            body,
        });
        Ok(true)
    }
}

pub(super) enum GroupOutcome {
    Done,
    GlobalFlags,
}

/// `int(s)` for a group number as Python reads it (underscores, signs, spaces, Unicode digits).
pub(super) fn parse_python_int(s: &str) -> Option<u128> {
    let v = crate::builtins::int_from_str(&crate::value::Str::from(s), 10).ok()?;
    u128::try_from(v).ok()
}

pub(super) fn flag_of(x: u32) -> Option<u32> {
    Some(match char::from_u32(x)? {
        'i' => IGNORECASE,
        'L' => LOCALE,
        'm' => MULTILINE,
        's' => DOTALL,
        'x' => VERBOSE,
        'a' => ASCII,
        't' => TEMPLATE,
        'u' => UNICODE,
        _ => return None,
    })
}

/// A parsed pattern: its tree, flags, and groups.
pub(crate) struct Parsed {
    pub nodes: Vec<Node>,
    pub state: State,
}

/// `re._parser.parse(pattern, flags)`, then `fix_flags`.
pub(crate) fn parse(pattern: &[u32], istext: bool, flags: u32) -> Res<Parsed> {
    let mut state = State {
        flags,
        groupdict: Vec::new(),
        groupwidths: vec![None],
        lookbehindgroups: None,
        grouprefpos: Vec::new(),
    };
    let mut p = Parser {
        src: Tokenizer::new(pattern, istext)?,
        state: &mut state,
    };
    let nodes = p.parse_sub(flags & VERBOSE != 0, 0)?;
    let rest = p.src.next;
    let tell = p.src.tell();
    state.flags = fix_flags(istext, state.flags)?;
    if rest.is_some() {
        return Err(ParseError::Re {
            msg: "unbalanced parenthesis".into(),
            pos: Some(tell),
        });
    }
    for &(g, pos) in &state.grouprefpos {
        if g >= state.groups() {
            return Err(ParseError::Re {
                msg: format!("invalid group reference {g}"),
                pos: Some(pos),
            });
        }
    }
    Ok(Parsed { nodes, state })
}

fn fix_flags(istext: bool, mut flags: u32) -> Res<u32> {
    if istext {
        if flags & LOCALE != 0 {
            return Err(ParseError::Value(
                "cannot use LOCALE flag with a str pattern".into(),
            ));
        }
        if flags & ASCII == 0 {
            flags |= UNICODE;
        } else if flags & UNICODE != 0 {
            return Err(ParseError::Value(
                "ASCII and UNICODE flags are incompatible".into(),
            ));
        }
    } else {
        if flags & UNICODE != 0 {
            return Err(ParseError::Value(
                "cannot use UNICODE flag with a bytes pattern".into(),
            ));
        }
        if flags & LOCALE != 0 && flags & ASCII != 0 {
            return Err(ParseError::Value(
                "ASCII and LOCALE flags are incompatible".into(),
            ));
        }
    }
    Ok(flags)
}
