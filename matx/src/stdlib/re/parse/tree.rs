//! The parse tree of a pattern (`re._parser`'s `SubPattern` items), the parse state and errors, and the width computation look-behinds are checked with.

/// `sre`'s largest repeat count (also "no upper bound").
pub(crate) const MAXREPEAT: u32 = u32::MAX;
pub(crate) const MAXGROUPS: usize = 1_073_741_823;
const MAXWIDTH: u128 = 1 << 64;

/// A character class item.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) enum SetItem {
    Negate,
    Literal(u32),
    Range(u32, u32),
    Category(Cat),
}

/// `\d \D \s \S \w \W`.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) enum Cat {
    Digit,
    NotDigit,
    Space,
    NotSpace,
    Word,
    NotWord,
}

/// Positions: `^`, `\A`, `\b`, `\B`, `$`, `\Z`.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) enum At {
    Beginning,
    BeginningString,
    Boundary,
    NonBoundary,
    End,
    EndString,
}

#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) enum RepeatKind {
    Max,
    Min,
    Possessive,
}

/// A parsed pattern item (`re._parser`'s `(op, av)` pairs).
#[derive(Clone, Debug)]
pub(crate) enum Node {
    Literal(u32),
    NotLiteral(u32),
    Any,
    In(Vec<SetItem>),
    At(At),
    Branch(Vec<Vec<Node>>),
    Subpattern {
        group: Option<usize>,
        add: u32,
        del: u32,
        body: Vec<Node>,
    },
    Repeat {
        kind: RepeatKind,
        min: u32,
        max: u32,
        body: Vec<Node>,
    },
    GroupRef(usize),
    GroupRefExists {
        group: usize,
        yes: Vec<Node>,
        no: Option<Vec<Node>>,
    },
    Assert {
        behind: bool,
        negate: bool,
        body: Vec<Node>,
    },
    Atomic(Vec<Node>),
}

impl Node {
    /// Equality as `re._parser` compares items when factoring a common prefix out of a
    /// branch: leaf items by value, compound items (which hold subpatterns) never.
    pub(crate) fn prefix_eq(&self, other: &Node) -> bool {
        use Node::*;
        match (self, other) {
            (Literal(a), Literal(b)) | (NotLiteral(a), NotLiteral(b)) => a == b,
            (Any, Any) => true,
            (In(a), In(b)) => a == b,
            (At(a), At(b)) => a == b,
            (GroupRef(a), GroupRef(b)) => a == b,
            _ => false,
        }
    }
}

/// A parse error: the message and the position in the pattern (None: no position).
#[derive(Debug, Clone)]
pub(crate) enum ParseError {
    Re {
        msg: String,
        pos: Option<usize>,
    },
    Overflow(String),
    Value(String),
    /// A feature matx does not implement (named in the message).
    Unsupported(String),
}

pub(crate) type Res<T> = Result<T, ParseError>;

/// The parse state (`re._parser.State`).
pub(crate) struct State {
    pub flags: u32,
    /// Group names in order of definition, with their numbers.
    pub groupdict: Vec<(String, usize)>,
    pub(crate) groupwidths: Vec<Option<(u128, u128)>>,
    pub(crate) lookbehindgroups: Option<usize>,
    pub(crate) grouprefpos: Vec<(usize, usize)>,
}

impl State {
    /// The number of groups, group 0 included.
    pub fn groups(&self) -> usize {
        self.groupwidths.len()
    }
    pub(crate) fn opengroup(&mut self, name: Option<&str>) -> Result<usize, String> {
        let gid = self.groups();
        self.groupwidths.push(None);
        if self.groups() > MAXGROUPS {
            return Err("too many groups".into());
        }
        if let Some(name) = name {
            if let Some((_, ogid)) = self.groupdict.iter().find(|(n, _)| n == name) {
                return Err(format!(
                    "redefinition of group name {} as group {gid}; was group {ogid}",
                    py_repr(name)
                ));
            }
            self.groupdict.push((name.to_string(), gid));
        }
        Ok(gid)
    }
    pub(crate) fn checkgroup(&self, gid: usize) -> bool {
        gid < self.groups() && self.groupwidths[gid].is_some()
    }
    pub(crate) fn group_named(&self, name: &str) -> Option<usize> {
        self.groupdict
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, g)| *g)
    }
}

pub(crate) fn py_repr(s: &str) -> String {
    crate::value::repr_str(s)
}

/// The width (min, max) of a sequence (`SubPattern.getwidth`).
fn width(state: &State, nodes: &[Node]) -> (u128, u128) {
    let (mut lo, mut hi) = (0u128, 0u128);
    for n in nodes {
        let (i, j) = match n {
            Node::Branch(items) => {
                let mut i = MAXWIDTH;
                let mut j = 0;
                for it in items {
                    let (l, h) = width(state, it);
                    i = i.min(l);
                    j = j.max(h);
                }
                (i, j)
            }
            Node::Atomic(b) | Node::Subpattern { body: b, .. } => width(state, b),
            Node::Repeat { min, max, body, .. } => {
                let (i, j) = width(state, body);
                lo += i * u128::from(*min);
                if *max == MAXREPEAT && j > 0 {
                    hi = MAXWIDTH;
                } else {
                    hi += j * u128::from(*max);
                }
                lo = lo.min(MAXWIDTH * 2);
                hi = hi.min(MAXWIDTH * 2);
                continue;
            }
            Node::Literal(_) | Node::NotLiteral(_) | Node::Any | Node::In(_) => (1, 1),
            Node::GroupRef(g) => state.groupwidths[*g].unwrap_or((0, 0)),
            Node::GroupRefExists { yes, no, .. } => {
                let (mut i, mut j) = width(state, yes);
                match no {
                    Some(no) => {
                        let (l, h) = width(state, no);
                        i = i.min(l);
                        j = j.max(h);
                    }
                    None => i = 0,
                }
                (i, j)
            }
            Node::At(_) | Node::Assert { .. } => (0, 0),
        };
        lo = (lo + i).min(MAXWIDTH * 2);
        hi = (hi + j).min(MAXWIDTH * 2);
    }
    (lo.min(MAXWIDTH), hi.min(MAXWIDTH))
}

/// The width of a parsed sequence, for look-behind checks.
pub(crate) fn getwidth(state: &State, nodes: &[Node]) -> (u128, u128) {
    width(state, nodes)
}
