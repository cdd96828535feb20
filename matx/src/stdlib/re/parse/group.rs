//! Groups and inline flags: `(...)`, `(?:...)`, `(?P<name>...)`, `(?P=name)`, comments, look-arounds, conditionals, atomic groups, `(?aiLmsux-imsx:...)`.

use super::lexer::{c, check_lookbehind_group, is_identifier, Tok};
use super::tree::{getwidth, py_repr, Node, Res, MAXGROUPS};
use super::{flag_of, parse_python_int, GroupOutcome, Parser};
use crate::stdlib::re::flags::*;

impl Parser<'_, '_> {
    pub(super) fn parse_group(
        &mut self,
        sub: &mut Vec<Node>,
        verbose: bool,
        nested: usize,
        first: bool,
    ) -> Res<GroupOutcome> {
        let start = self.src.tell() - 1;
        let mut capture = true;
        let mut atomic = false;
        let mut name: Option<String> = None;
        let (mut add, mut del) = (0u32, 0u32);
        if self.src.matches('?')? {
            let Some(ch) = self.src.get()? else {
                return Err(self.src.error("unexpected end of pattern", 0));
            };
            match ch {
                Tok::Ch(x) if x == c('P') => {
                    if self.src.matches('<')? {
                        let n = self.src.getuntil('>', "group name")?;
                        self.src.checkgroupname(&n, 1)?;
                        name = Some(n);
                    } else if self.src.matches('=')? {
                        let n = self.src.getuntil(')', "group name")?;
                        self.src.checkgroupname(&n, 1)?;
                        let len = n.chars().count() + 1;
                        let Some(gid) = self.state.group_named(&n) else {
                            return Err(self
                                .src
                                .error(format!("unknown group name {}", py_repr(&n)), len));
                        };
                        if !self.state.checkgroup(gid) {
                            return Err(self.src.error("cannot refer to an open group", len));
                        }
                        check_lookbehind_group(self.state, gid, &self.src)?;
                        sub.push(Node::GroupRef(gid));
                        return Ok(GroupOutcome::Done);
                    } else {
                        let Some(ch) = self.src.get()? else {
                            return Err(self.src.error("unexpected end of pattern", 0));
                        };
                        return Err(self
                            .src
                            .error(format!("unknown extension ?P{}", ch.text()), ch.len() + 2));
                    }
                }
                Tok::Ch(x) if x == c(':') => capture = false,
                Tok::Ch(x) if x == c('#') => {
                    loop {
                        if self.src.next.is_none() {
                            return Err(self.src.error(
                                "missing ), unterminated comment",
                                self.src.tell() - start,
                            ));
                        }
                        if self.src.get()?.is_some_and(|t| t.is(')')) {
                            break;
                        }
                    }
                    return Ok(GroupOutcome::Done);
                }
                Tok::Ch(x) if x == c('=') || x == c('!') || x == c('<') => {
                    let mut ch = ch;
                    let mut behind = false;
                    let saved_lb = self.state.lookbehindgroups;
                    if ch.is('<') {
                        let Some(next) = self.src.get()? else {
                            return Err(self.src.error("unexpected end of pattern", 0));
                        };
                        if !(next.is('=') || next.is('!')) {
                            return Err(self.src.error(
                                format!("unknown extension ?<{}", next.text()),
                                next.len() + 2,
                            ));
                        }
                        ch = next;
                        behind = true;
                        if saved_lb.is_none() {
                            self.state.lookbehindgroups = Some(self.state.groups());
                        }
                    }
                    let body = self.parse_sub(verbose, nested + 1)?;
                    if behind && saved_lb.is_none() {
                        self.state.lookbehindgroups = None;
                    }
                    if !self.src.matches(')')? {
                        return Err(self.src.error(
                            "missing ), unterminated subpattern",
                            self.src.tell() - start,
                        ));
                    }
                    sub.push(Node::Assert {
                        behind,
                        negate: ch.is('!'),
                        body,
                    });
                    return Ok(GroupOutcome::Done);
                }
                Tok::Ch(x) if x == c('(') => {
                    let condname = self.src.getuntil(')', "group name")?;
                    let len = condname.chars().count() + 1;
                    let condgroup = if is_identifier(&condname) {
                        match self.state.group_named(&condname) {
                            Some(g) => g,
                            None => {
                                return Err(self.src.error(
                                    format!("unknown group name {}", py_repr(&condname)),
                                    len,
                                ))
                            }
                        }
                    } else {
                        let g = parse_python_int(&condname).ok_or_else(|| {
                            self.src.error(
                                format!("bad character in group name {}", py_repr(&condname)),
                                len,
                            )
                        })?;
                        if g == 0 {
                            return Err(self.src.error("bad group number", len));
                        }
                        if g >= MAXGROUPS as u128 {
                            return Err(self
                                .src
                                .error(format!("invalid group reference {g}"), len));
                        }
                        let g = g as usize;
                        if !self.state.grouprefpos.iter().any(|(k, _)| *k == g) {
                            self.state.grouprefpos.push((g, self.src.tell() - len));
                        }
                        g
                    };
                    check_lookbehind_group(self.state, condgroup, &self.src)?;
                    let yes = self.parse(verbose, nested + 1, false)?;
                    let no = if self.src.matches('|')? {
                        let no = self.parse(verbose, nested + 1, false)?;
                        if self.src.next == Some(Tok::Ch(c('|'))) {
                            return Err(self
                                .src
                                .error("conditional backref with more than two branches", 0));
                        }
                        Some(no)
                    } else {
                        None
                    };
                    if !self.src.matches(')')? {
                        return Err(self.src.error(
                            "missing ), unterminated subpattern",
                            self.src.tell() - start,
                        ));
                    }
                    sub.push(Node::GroupRefExists {
                        group: condgroup,
                        yes,
                        no,
                    });
                    return Ok(GroupOutcome::Done);
                }
                Tok::Ch(x) if x == c('>') => {
                    capture = false;
                    atomic = true;
                }
                Tok::Ch(x) if flag_of(x).is_some() || x == c('-') => match self.parse_flags(x)? {
                    None => {
                        if !first || !sub.is_empty() {
                            return Err(self.src.error(
                                "global flags not at the start of the expression",
                                self.src.tell() - start,
                            ));
                        }
                        return Ok(GroupOutcome::GlobalFlags);
                    }
                    Some((a, d)) => {
                        add = a;
                        del = d;
                        capture = false;
                    }
                },
                other => {
                    return Err(self.src.error(
                        format!("unknown extension ?{}", other.text()),
                        other.len() + 1,
                    ));
                }
            }
        }
        let group = if capture {
            match self.state.opengroup(name.as_deref()) {
                Ok(g) => Some(g),
                Err(msg) => {
                    let off = name.as_ref().map_or(0, |n| n.chars().count()) + 1;
                    return Err(self.src.error(msg, off));
                }
            }
        } else {
            None
        };
        let sub_verbose = (verbose || add & VERBOSE != 0) && del & VERBOSE == 0;
        let body = self.parse_sub(sub_verbose, nested + 1)?;
        if !self.src.matches(')')? {
            return Err(self.src.error(
                "missing ), unterminated subpattern",
                self.src.tell() - start,
            ));
        }
        if let Some(g) = group {
            self.state.groupwidths[g] = Some(getwidth(self.state, &body));
        }
        if atomic {
            sub.push(Node::Atomic(body));
        } else {
            sub.push(Node::Subpattern {
                group,
                add,
                del,
                body,
            });
        }
        Ok(GroupOutcome::Done)
    }

    /// `(?aiLmsux)` (global: None) or `(?aiLmsux-imsx:...)` (the flags to add and remove).
    fn parse_flags(&mut self, first: u32) -> Res<Option<(u32, u32)>> {
        let (mut add, mut del) = (0u32, 0u32);
        let mut ch = Some(Tok::Ch(first));
        if first != c('-') {
            while let Some((x, flag)) = flag_tok(ch) {
                if self.src.istext && x == c('L') {
                    return Err(self.src.error(
                        "bad inline flags: cannot use 'L' flag with a str pattern",
                        0,
                    ));
                }
                if !self.src.istext && x == c('u') {
                    return Err(self.src.error(
                        "bad inline flags: cannot use 'u' flag with a bytes pattern",
                        0,
                    ));
                }
                add |= flag;
                if flag & TYPE_FLAGS != 0 && add & TYPE_FLAGS != flag {
                    return Err(self.src.error(
                        "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                        0,
                    ));
                }
                ch = self.src.get()?;
                match ch {
                    None => return Err(self.src.error("missing -, : or )", 0)),
                    Some(t) if t.is(')') || t.is('-') || t.is(':') => break,
                    Some(Tok::Ch(y)) if flag_of(y).is_some() => {}
                    Some(t) => {
                        let alpha = matches!(t, Tok::Ch(y) if char::from_u32(y).is_some_and(char::is_alphabetic));
                        let msg = if alpha {
                            "unknown flag"
                        } else {
                            "missing -, : or )"
                        };
                        return Err(self.src.error(msg, t.len()));
                    }
                }
            }
        }
        if ch.is_some_and(|t| t.is(')')) {
            self.state.flags |= add;
            return Ok(None);
        }
        if add & GLOBAL_FLAGS != 0 {
            return Err(self
                .src
                .error("bad inline flags: cannot turn on global flag", 1));
        }
        if ch.is_some_and(|t| t.is('-')) {
            ch = self.src.get()?;
            let Some(t) = ch else {
                return Err(self.src.error("missing flag", 0));
            };
            if !matches!(t, Tok::Ch(y) if flag_of(y).is_some()) {
                let alpha =
                    matches!(t, Tok::Ch(y) if char::from_u32(y).is_some_and(char::is_alphabetic));
                let msg = if alpha {
                    "unknown flag"
                } else {
                    "missing flag"
                };
                return Err(self.src.error(msg, t.len()));
            }
            while let Some((_, flag)) = flag_tok(ch) {
                if flag & TYPE_FLAGS != 0 {
                    return Err(self.src.error(
                        "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                        0,
                    ));
                }
                del |= flag;
                ch = self.src.get()?;
                match ch {
                    None => return Err(self.src.error("missing :", 0)),
                    Some(t) if t.is(':') => break,
                    Some(Tok::Ch(y)) if flag_of(y).is_some() => {}
                    Some(t) => {
                        let alpha = matches!(t, Tok::Ch(y) if char::from_u32(y).is_some_and(char::is_alphabetic));
                        let msg = if alpha { "unknown flag" } else { "missing :" };
                        return Err(self.src.error(msg, t.len()));
                    }
                }
            }
        }
        if del & GLOBAL_FLAGS != 0 {
            return Err(self
                .src
                .error("bad inline flags: cannot turn off global flag", 1));
        }
        if add & del != 0 {
            return Err(self
                .src
                .error("bad inline flags: flag turned on and off", 1));
        }
        Ok(Some((add, del)))
    }
}

/// The flag a token names, with its character.
fn flag_tok(t: Option<Tok>) -> Option<(u32, u32)> {
    match t {
        Some(Tok::Ch(x)) => flag_of(x).map(|f| (x, f)),
        _ => None,
    }
}
