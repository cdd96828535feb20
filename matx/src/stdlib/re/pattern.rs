//! `re.Pattern` and `re.Match`: compiling (with the parse errors CPython raises), and the
//! methods `match`/`fullmatch`/`search`/`findall`/`finditer`/`split`/`sub` driven exactly as
//! CPython's `_sre` drives its matcher (positions, empty matches, `must_advance`).

use super::compile::{compile, Program};
use super::flags::*;
use super::parse::{parse, ParseError};
use super::subject::{Matcher, Subject};
use super::template::Template;
use crate::error::{exc, Error, ExcType};
use crate::value::{Any, Bytes, List, PyValue, Str};
use crate::Result;
use std::sync::Arc;

/// `re.error` (its `__name__` is `error`).
pub static RE_ERROR: ExcType = ExcType {
    name: "error",
    base: Some(&exc::Exception),
};

/// `SystemError`, which CPython's matcher raises for a group span it got wrong.
pub static SYSTEM_ERROR: ExcType = ExcType {
    name: "SystemError",
    base: Some(&exc::Exception),
};

/// A str or bytes a pattern matches: the two types `re` accepts.
pub trait ReString: PyValue + Clone {
    /// Whether this is `str` (patterns and strings must agree).
    const IS_TEXT: bool;
    fn subject(&self) -> Subject;
    /// The value `Subject::slice` made for this type.
    fn from_any(a: Any) -> Self;
    fn code_points(&self) -> Vec<u32>;
    fn into_any(self) -> Any;
}

impl ReString for Str {
    const IS_TEXT: bool = true;
    fn subject(&self) -> Subject {
        Subject::from_str(self)
    }
    fn from_any(a: Any) -> Self {
        match a {
            Any::Str(s) => s,
            _ => Str::new(""),
        }
    }
    fn code_points(&self) -> Vec<u32> {
        self.as_str().chars().map(|c| c as u32).collect()
    }
    fn into_any(self) -> Any {
        Any::Str(self)
    }
}

impl ReString for Bytes {
    const IS_TEXT: bool = false;
    fn subject(&self) -> Subject {
        Subject::Bytes(self.clone())
    }
    fn from_any(a: Any) -> Self {
        match a {
            Any::Bytes(b) => b,
            _ => Bytes::new(b""),
        }
    }
    fn code_points(&self) -> Vec<u32> {
        self.as_bytes().iter().map(|&b| u32::from(b)).collect()
    }
    fn into_any(self) -> Any {
        Any::Bytes(self)
    }
}

pub(crate) struct Compiled {
    /// The pattern as given (str or bytes).
    pub source: Any,
    pub flags: u32,
    pub prog: Program,
    /// Capture groups (group 0 excluded).
    pub groups: usize,
    pub groupindex: Vec<(String, usize)>,
    pub istext: bool,
}

/// A compiled pattern (`re.Pattern`). Cloning shares it.
#[derive(Clone)]
pub struct Pattern(pub(crate) Arc<Compiled>);

/// `re.error(msg, pattern, pos)`: the message with its position (and line and column when
/// the pattern has several lines).
fn re_error(msg: &str, pattern: &[u32], pos: Option<usize>) -> Error {
    let Some(pos) = pos else {
        return Error::new(&RE_ERROR, msg);
    };
    let mut m = format!("{msg} at position {pos}");
    let nl = u32::from(b'\n');
    if pattern.contains(&nl) {
        let before = &pattern[..pos.min(pattern.len())];
        let line = before.iter().filter(|&&c| c == nl).count() + 1;
        let col = match before.iter().rposition(|&c| c == nl) {
            Some(p) => pos - p,
            None => pos + 1,
        };
        m.push_str(&format!(" (line {line}, column {col})"));
    }
    Error::new(&RE_ERROR, m)
}

pub(crate) fn parse_error(e: ParseError, pattern: &[u32]) -> Error {
    match e {
        ParseError::Re { msg, pos } => re_error(&msg, pattern, pos),
        ParseError::Overflow(m) => Error::new(&exc::OverflowError, m),
        ParseError::Value(m) => Error::new(&exc::ValueError, m),
        ParseError::Unsupported(m) => Error::new(&exc::NotImplementedError, m),
    }
}

impl Pattern {
    /// `re.compile(pattern, flags)` for a str or bytes pattern.
    pub fn new<S: ReString>(pattern: &S, flags: i64) -> Result<Pattern> {
        let cps = pattern.code_points();
        let flags = u32::try_from(flags)
            .map_err(|_| Error::new(&exc::ValueError, format!("unsupported flags {flags}")))?;
        if flags & LOCALE != 0 && !S::IS_TEXT {
            return Err(Error::new(
                &exc::NotImplementedError,
                "re.LOCALE is not supported: matx matches as in the C locale only through re.ASCII",
            ));
        }
        if flags & DEBUG != 0 {
            return Err(Error::new(
                &exc::NotImplementedError,
                "re.DEBUG is not supported",
            ));
        }
        let parsed = parse(&cps, S::IS_TEXT, flags).map_err(|e| parse_error(e, &cps))?;
        let all_flags = flags | parsed.state.flags;
        if all_flags & (DEBUG | LOCALE) != 0 {
            return Err(Error::new(
                &exc::NotImplementedError,
                "re.DEBUG and re.LOCALE are not supported",
            ));
        }
        let prog = compile(&parsed.nodes, &parsed.state, all_flags)
            .map_err(|m| Error::new(&RE_ERROR, m))?;
        Ok(Pattern(Arc::new(Compiled {
            source: pattern.clone().into_any(),
            flags: all_flags,
            prog,
            groups: parsed.state.groups() - 1,
            groupindex: parsed.state.groupdict,
            istext: S::IS_TEXT,
        })))
    }

    /// `p.flags`.
    pub fn flags(&self) -> i64 {
        i64::from(self.0.flags)
    }
    /// `p.groups`.
    pub fn groups(&self) -> i64 {
        self.0.groups as i64
    }
    /// `p.groupindex` as (name, number) pairs in definition order.
    pub fn groupindex(&self) -> Vec<(String, usize)> {
        self.0.groupindex.clone()
    }
    /// `p.pattern`.
    pub fn pattern_value(&self) -> Any {
        self.0.source.clone()
    }

    fn check<S: ReString>(&self) -> Result<()> {
        match (self.0.istext, S::IS_TEXT) {
            (true, false) => Err(Error::new(
                &exc::TypeError,
                "cannot use a string pattern on a bytes-like object",
            )),
            (false, true) => Err(Error::new(
                &exc::TypeError,
                "cannot use a bytes pattern on a string-like object",
            )),
            _ => Ok(()),
        }
    }

    /// The bounds CPython's `state_init` makes of `pos` and `endpos`.
    fn bounds(len: usize, pos: i64, endpos: Option<i64>) -> (usize, usize) {
        let clamp = |x: i64| if x < 0 { 0 } else { (x as usize).min(len) };
        let end = endpos.map_or(len, clamp);
        (clamp(pos), end)
    }

    fn one<S: ReString>(
        &self,
        s: &S,
        pos: i64,
        endpos: Option<i64>,
        how: How,
    ) -> Result<Option<Match<S>>> {
        self.check::<S>()?;
        let subj = s.subject();
        let (start, end) = Self::bounds(subj.len(), pos, endpos);
        let groups = self.0.groups;
        let found = subj.with_machine(&self.0.prog, start, end, groups + 1, |m| {
            let ok = match how {
                How::Match => m.match_here(false),
                How::FullMatch => m.match_here(true),
                How::Search => m.search(),
            };
            ok.then(|| MatchData::from(m, groups)).transpose()
        })?;
        Ok(found.map(|d| Match::new(self.clone(), s.clone(), subj, start, end, d)))
    }

    /// `p.match(string, pos, endpos)`.
    pub fn match_<S: ReString>(
        &self,
        s: S,
        pos: i64,
        endpos: Option<i64>,
    ) -> Result<Option<Match<S>>> {
        self.one(&s, pos, endpos, How::Match)
    }
    /// `p.fullmatch(string, pos, endpos)`.
    pub fn fullmatch<S: ReString>(
        &self,
        s: S,
        pos: i64,
        endpos: Option<i64>,
    ) -> Result<Option<Match<S>>> {
        self.one(&s, pos, endpos, How::FullMatch)
    }
    /// `p.search(string, pos, endpos)`.
    pub fn search<S: ReString>(
        &self,
        s: S,
        pos: i64,
        endpos: Option<i64>,
    ) -> Result<Option<Match<S>>> {
        self.one(&s, pos, endpos, How::Search)
    }

    /// Every non-overlapping match from `pos`, in order (`finditer`'s scanner loop).
    fn all<S: ReString>(
        &self,
        s: &S,
        pos: i64,
        endpos: Option<i64>,
        limit: usize,
    ) -> Result<(Subject, usize, usize, Vec<MatchData>)> {
        self.check::<S>()?;
        let subj = s.subject();
        let (start, end) = Self::bounds(subj.len(), pos, endpos);
        let groups = self.0.groups;
        let found = subj.with_machine(&self.0.prog, start, end, groups + 1, |m| {
            let mut out = Vec::new();
            while (limit == 0 || out.len() < limit) && m.start() <= m.end() {
                m.reset();
                if !m.search() {
                    break;
                }
                out.push(MatchData::from(m, groups)?);
                m.set_must_advance(m.ptr() == m.start());
                let p = m.ptr();
                m.set_start(p);
            }
            Ok(out)
        })?;
        Ok((subj, start, end, found))
    }

    /// `p.finditer(string, pos, endpos)` (the matches, found as the loop asks for them in
    /// CPython; all of them here, which no script can tell apart).
    pub fn finditer<S: ReString>(
        &self,
        s: S,
        pos: i64,
        endpos: Option<i64>,
    ) -> Result<List<Match<S>>> {
        let (subj, start, end, found) = self.all(&s, pos, endpos, 0)?;
        Ok(List::from_vec(
            found
                .into_iter()
                .map(|d| Match::new(self.clone(), s.clone(), subj.clone(), start, end, d))
                .collect(),
        ))
    }

    /// `p.findall(string)` for a pattern with no group or one group: the matches (or the
    /// group; '' when it did not take part).
    pub fn findall<S: ReString>(&self, s: S, pos: i64, endpos: Option<i64>) -> Result<List<S>> {
        let (subj, _, _, found) = self.all(&s, pos, endpos, 0)?;
        let g = usize::from(self.0.groups >= 1);
        Ok(List::from_vec(
            found
                .iter()
                .map(|d| S::from_any(d.slice_or_empty(&subj, g)))
                .collect(),
        ))
    }

    /// `p.findall(string)` for a pattern with groups: a tuple of the groups per match.
    pub fn findall_groups<S: ReString>(
        &self,
        s: S,
        pos: i64,
        endpos: Option<i64>,
    ) -> Result<List<crate::rt::TupleN<S>>> {
        let (subj, _, _, found) = self.all(&s, pos, endpos, 0)?;
        let n = self.0.groups;
        Ok(List::from_vec(
            found
                .iter()
                .map(|d| {
                    crate::rt::TupleN(
                        (1..=n)
                            .map(|g| S::from_any(d.slice_or_empty(&subj, g)))
                            .collect::<Vec<S>>()
                            .into(),
                    )
                })
                .collect(),
        ))
    }

    /// `p.findall(string)` as CPython returns it for any number of groups, in `Any`.
    pub fn findall_any<S: ReString>(
        &self,
        s: S,
        pos: i64,
        endpos: Option<i64>,
    ) -> Result<List<Any>> {
        let (subj, _, _, found) = self.all(&s, pos, endpos, 0)?;
        let n = self.0.groups;
        Ok(List::from_vec(
            found
                .iter()
                .map(|d| match n {
                    0 => d.slice_or_empty(&subj, 0),
                    1 => d.slice_or_empty(&subj, 1),
                    _ => Any::tuple((1..=n).map(|g| d.slice_or_empty(&subj, g)).collect()),
                })
                .collect(),
        ))
    }

    /// `p.split(string, maxsplit)`: the pieces, and the groups of each separator (None for a
    /// group that did not take part).
    pub fn split<S: ReString>(&self, s: S, maxsplit: i64) -> Result<List<Option<S>>> {
        if maxsplit < 0 {
            return Ok(List::from_vec(vec![Some(s)]));
        }
        let (subj, start, end, found) = self.all(&s, 0, None, maxsplit as usize)?;
        let mut out = Vec::new();
        let mut last = start;
        for d in &found {
            let (b, e) = d.spans[0].unwrap_or((last, last));
            out.push(Some(S::from_any(subj.slice(last, b))));
            for g in 1..=self.0.groups {
                out.push(d.spans[g].map(|(i, j)| S::from_any(subj.slice(i, j))));
            }
            last = e;
        }
        out.push(Some(S::from_any(subj.slice(last, end))));
        Ok(List::from_vec(out))
    }

    /// `p.sub(repl, string, count)` / `subn` with a replacement template.
    pub fn subn<S: ReString>(&self, repl: S, s: S, count: i64) -> Result<(S, i64)> {
        self.check::<S>()?;
        let template = Template::parse(&repl, self)?;
        self.subn_with(s, count, |m| template.expand(m))
    }

    /// `p.sub(repl, string, count)` / `subn` with a function of the match.
    pub fn subn_with<S: ReString>(
        &self,
        s: S,
        count: i64,
        mut f: impl FnMut(&Match<S>) -> Result<S>,
    ) -> Result<(S, i64)> {
        let limit = if count <= 0 { 0 } else { count as usize };
        if count < 0 {
            return Ok((s, 0));
        }
        let (subj, start, end, found) = self.all(&s, 0, None, limit)?;
        let mut parts: Vec<Any> = Vec::new();
        let mut i = start;
        let n = found.len() as i64;
        for d in found {
            let (b, e) = d.spans[0].unwrap_or((i, i));
            if i < b {
                parts.push(subj.slice(i, b));
            }
            let m = Match::new(self.clone(), s.clone(), subj.clone(), start, end, d);
            parts.push(f(&m)?.into_any());
            i = e;
        }
        if i < end {
            parts.push(subj.slice(i, end));
        }
        Ok((S::from_any(join(&subj, parts)), n))
    }

    /// `p.sub(repl, string, count)`.
    pub fn sub<S: ReString>(&self, repl: S, s: S, count: i64) -> Result<S> {
        Ok(self.subn(repl, s, count)?.0)
    }
}

fn join(subj: &Subject, parts: Vec<Any>) -> Any {
    if subj.is_bytes() {
        let mut out = Vec::new();
        for p in parts {
            if let Any::Bytes(b) = p {
                out.extend_from_slice(b.as_bytes());
            }
        }
        Any::Bytes(Bytes::new(&out))
    } else {
        let mut out = String::new();
        for p in parts {
            if let Any::Str(s) = p {
                out.push_str(s.as_str());
            }
        }
        Any::Str(Str::from(out))
    }
}

#[derive(Clone, Copy)]
enum How {
    Match,
    FullMatch,
    Search,
}

/// The outcome of one successful match: each group's span and `lastindex`.
#[derive(Clone, Debug)]
pub(crate) struct MatchData {
    pub spans: Vec<Option<(usize, usize)>>,
    pub lastindex: Option<usize>,
}

impl MatchData {
    /// The spans of the match the matcher just found; CPython's `SystemError` for a group
    /// that ends before it starts (which its matcher can produce with possessive repeats).
    fn from(m: &mut dyn Matcher, groups: usize) -> Result<MatchData> {
        let mut spans = Vec::with_capacity(groups + 1);
        spans.push(Some((m.start(), m.ptr())));
        for g in 1..=groups {
            let span = m.group_span(g);
            if span.is_some_and(|(i, j)| i > j) {
                return Err(Error::new(
                    &SYSTEM_ERROR,
                    "The span of capturing group is wrong, please report a bug for the re module.",
                ));
            }
            spans.push(span);
        }
        let li = m.lastindex();
        Ok(MatchData {
            spans,
            lastindex: (li >= 0).then_some(li as usize),
        })
    }
    fn slice_or_empty(&self, subj: &Subject, g: usize) -> Any {
        match self.spans[g] {
            Some((i, j)) => subj.slice(i, j),
            None => subj.slice(0, 0),
        }
    }
}

/// A match (`re.Match`).
#[derive(Clone)]
pub struct Match<S> {
    pub(crate) re: Pattern,
    pub(crate) string: S,
    pub(crate) subj: Subject,
    pub(crate) pos: usize,
    pub(crate) endpos: usize,
    pub(crate) data: MatchData,
}

/// A group named by number or by name.
#[derive(Clone, Debug)]
pub enum GroupKey {
    Index(i64),
    Name(Str),
}

impl From<i64> for GroupKey {
    fn from(i: i64) -> Self {
        GroupKey::Index(i)
    }
}

impl From<Str> for GroupKey {
    fn from(s: Str) -> Self {
        GroupKey::Name(s)
    }
}

impl<S: ReString> Match<S> {
    fn new(
        re: Pattern,
        string: S,
        subj: Subject,
        pos: usize,
        endpos: usize,
        data: MatchData,
    ) -> Self {
        Match {
            re,
            string,
            subj,
            pos,
            endpos,
            data,
        }
    }

    fn index(&self, key: &GroupKey) -> Result<usize> {
        let n = self.data.spans.len();
        match key {
            GroupKey::Index(i) if *i >= 0 && (*i as usize) < n => Ok(*i as usize),
            GroupKey::Name(name) => self
                .re
                .0
                .groupindex
                .iter()
                .find(|(k, _)| k == name.as_str())
                .map(|(_, g)| *g)
                .ok_or_else(|| Error::new(&exc::IndexError, "no such group")),
            _ => Err(Error::new(&exc::IndexError, "no such group")),
        }
    }

    /// `m.group(g)`: None when the group did not take part.
    pub fn group(&self, key: GroupKey) -> Result<Option<S>> {
        let g = self.index(&key)?;
        Ok(self.data.spans[g].map(|(i, j)| S::from_any(self.subj.slice(i, j))))
    }
    /// `m.group()` / `m[0]`: the whole match.
    pub fn group0(&self) -> S {
        let (i, j) = self.data.spans[0].unwrap_or((0, 0));
        S::from_any(self.subj.slice(i, j))
    }
    /// `m.groups(default)`.
    pub fn groups(&self, default: Option<S>) -> List<Option<S>> {
        List::from_vec(
            self.data.spans[1..]
                .iter()
                .map(|sp| match sp {
                    Some((i, j)) => Some(S::from_any(self.subj.slice(*i, *j))),
                    None => default.clone(),
                })
                .collect(),
        )
    }
    /// `m.groupdict(default)`: named groups in definition order.
    pub fn groupdict(&self, default: Option<S>) -> Vec<(Str, Option<S>)> {
        self.re
            .0
            .groupindex
            .iter()
            .map(|(name, g)| {
                let v = match self.data.spans[*g] {
                    Some((i, j)) => Some(S::from_any(self.subj.slice(i, j))),
                    None => default.clone(),
                };
                (Str::from(name.as_str()), v)
            })
            .collect()
    }
    /// `m.span(g)`: (-1, -1) when the group did not take part.
    pub fn span(&self, key: GroupKey) -> Result<(i64, i64)> {
        let g = self.index(&key)?;
        Ok(self.data.spans[g].map_or((-1, -1), |(i, j)| (i as i64, j as i64)))
    }
    /// `m.start(g)`.
    pub fn start(&self, key: GroupKey) -> Result<i64> {
        Ok(self.span(key)?.0)
    }
    /// `m.end(g)`.
    pub fn end(&self, key: GroupKey) -> Result<i64> {
        Ok(self.span(key)?.1)
    }
    /// `m.lastindex`.
    pub fn lastindex(&self) -> Option<i64> {
        self.data.lastindex.map(|i| i as i64)
    }
    /// `m.lastgroup`.
    pub fn lastgroup(&self) -> Option<Str> {
        let li = self.data.lastindex?;
        self.re
            .0
            .groupindex
            .iter()
            .find(|(_, g)| *g == li)
            .map(|(n, _)| Str::from(n.as_str()))
    }
    /// `m.string`.
    pub fn string(&self) -> S {
        self.string.clone()
    }
    /// `m.re`.
    pub fn re(&self) -> Pattern {
        self.re.clone()
    }
    /// `m.pos`.
    pub fn pos(&self) -> i64 {
        self.pos as i64
    }
    /// `m.endpos`.
    pub fn endpos(&self) -> i64 {
        self.endpos as i64
    }
    /// `m.expand(template)`.
    pub fn expand(&self, template: S) -> Result<S> {
        Template::parse(&template, &self.re)?.expand(self)
    }
    /// The span of group `g` by number (already checked).
    pub(crate) fn span_of(&self, g: usize) -> Option<(usize, usize)> {
        self.data.spans.get(g).copied().flatten()
    }
    pub(crate) fn subject(&self) -> &Subject {
        &self.subj
    }
}

impl PyValue for Pattern {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        const NAMES: [(&str, u32); 9] = [
            ("re.TEMPLATE", TEMPLATE),
            ("re.IGNORECASE", IGNORECASE),
            ("re.LOCALE", LOCALE),
            ("re.MULTILINE", MULTILINE),
            ("re.DOTALL", DOTALL),
            ("re.UNICODE", UNICODE),
            ("re.VERBOSE", VERBOSE),
            ("re.DEBUG", DEBUG),
            ("re.ASCII", ASCII),
        ];
        let mut flags = self.0.flags;
        if self.0.istext && flags & (LOCALE | UNICODE | ASCII) == UNICODE {
            flags &= !UNICODE;
        }
        let mut src = crate::repr(&self.0.source)?;
        if src.chars().count() > 200 {
            src = src.chars().take(200).collect();
        }
        out.push_str("re.compile(");
        out.push_str(&src);
        let mut names = Vec::new();
        for (name, bit) in NAMES {
            if flags & bit != 0 {
                names.push(name.to_string());
                flags &= !bit;
            }
        }
        if flags != 0 {
            names.push(format!("0x{flags:x}"));
        }
        if !names.is_empty() {
            out.push_str(", ");
            out.push_str(&names.join("|"));
        }
        out.push(')');
        Ok(())
    }
    fn py_eq(&self, other: &Self) -> Result<bool> {
        Ok(Arc::ptr_eq(&self.0, &other.0)
            || (self.0.flags == other.0.flags
                && self.0.istext == other.0.istext
                && self.0.source.py_eq(&other.0.source)?))
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(true)
    }
    fn py_type_name(&self) -> &'static str {
        "re.Pattern"
    }
    fn py_hash(&self) -> Result<i64> {
        Ok(self.0.source.py_hash()? ^ i64::from(self.0.flags))
    }
}

impl<S: ReString> PyValue for Match<S> {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        let (i, j) = self.data.spans[0].unwrap_or((0, 0));
        out.push_str(&format!("<re.Match object; span=({i}, {j}), match="));
        self.group0().py_repr(out)?;
        out.push('>');
        Ok(())
    }
    fn py_eq(&self, _other: &Self) -> Result<bool> {
        Ok(false)
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(true)
    }
    fn py_type_name(&self) -> &'static str {
        "re.Match"
    }
}
