//! The code generator: a parsed pattern into `sre` code, op for op as `re._compiler` emits it
//! (case-insensitive literals and classes included), for the matcher in `engine.rs`.

use super::case::{ascii_iscased, ascii_lower, extra_cases, uni_iscased, uni_lower};
use super::flags::*;
use super::parse::{At, Cat, Node, RepeatKind, SetItem, State, MAXREPEAT};

// Opcodes: CPython's numbers; BITMAP is matx's (a BMP bitmap from `Program::bitmaps`).
pub(crate) const FAILURE: u32 = 0;
pub(crate) const SUCCESS: u32 = 1;
pub(crate) const ANY: u32 = 2;
pub(crate) const ANY_ALL: u32 = 3;
pub(crate) const ASSERT: u32 = 4;
pub(crate) const ASSERT_NOT: u32 = 5;
pub(crate) const AT: u32 = 6;
pub(crate) const BRANCH: u32 = 7;
pub(crate) const CATEGORY: u32 = 8;
pub(crate) const GROUPREF: u32 = 11;
pub(crate) const GROUPREF_EXISTS: u32 = 12;
pub(crate) const IN: u32 = 13;
pub(crate) const JUMP: u32 = 15;
pub(crate) const LITERAL: u32 = 16;
pub(crate) const MARK: u32 = 17;
pub(crate) const MAX_UNTIL: u32 = 18;
pub(crate) const MIN_UNTIL: u32 = 19;
pub(crate) const NOT_LITERAL: u32 = 20;
pub(crate) const NEGATE: u32 = 21;
pub(crate) const RANGE: u32 = 22;
pub(crate) const REPEAT: u32 = 23;
pub(crate) const REPEAT_ONE: u32 = 24;
pub(crate) const MIN_REPEAT_ONE: u32 = 26;
pub(crate) const ATOMIC_GROUP: u32 = 27;
pub(crate) const POSSESSIVE_REPEAT: u32 = 28;
pub(crate) const POSSESSIVE_REPEAT_ONE: u32 = 29;
pub(crate) const GROUPREF_IGNORE: u32 = 30;
pub(crate) const IN_IGNORE: u32 = 31;
pub(crate) const LITERAL_IGNORE: u32 = 32;
pub(crate) const NOT_LITERAL_IGNORE: u32 = 33;
pub(crate) const GROUPREF_UNI_IGNORE: u32 = 38;
pub(crate) const IN_UNI_IGNORE: u32 = 39;
pub(crate) const LITERAL_UNI_IGNORE: u32 = 40;
pub(crate) const NOT_LITERAL_UNI_IGNORE: u32 = 41;
pub(crate) const RANGE_UNI_IGNORE: u32 = 42;
pub(crate) const BITMAP: u32 = 43;

// AT codes.
pub(crate) const AT_BEGINNING: u32 = 0;
pub(crate) const AT_BEGINNING_LINE: u32 = 1;
pub(crate) const AT_BEGINNING_STRING: u32 = 2;
pub(crate) const AT_BOUNDARY: u32 = 3;
pub(crate) const AT_NON_BOUNDARY: u32 = 4;
pub(crate) const AT_END: u32 = 5;
pub(crate) const AT_END_LINE: u32 = 6;
pub(crate) const AT_END_STRING: u32 = 7;
pub(crate) const AT_UNI_BOUNDARY: u32 = 10;
pub(crate) const AT_UNI_NON_BOUNDARY: u32 = 11;

// Category codes (ASCII ones, then Unicode ones at +10).
pub(crate) const CATEGORY_UNI: u32 = 10;

/// A compiled pattern: the code and the bitmaps its classes use.
pub(crate) struct Program {
    pub code: Vec<u32>,
    pub bitmaps: Vec<Box<[u64; 1024]>>,
}

fn cat_code(c: Cat) -> u32 {
    match c {
        Cat::Digit => 0,
        Cat::NotDigit => 1,
        Cat::Space => 2,
        Cat::NotSpace => 3,
        Cat::Word => 4,
        Cat::NotWord => 5,
    }
}

fn combine_flags(flags: u32, add: u32, del: u32) -> u32 {
    let flags = if add & TYPE_FLAGS != 0 {
        flags & !TYPE_FLAGS
    } else {
        flags
    };
    (flags | add) & !del
}

/// Whether a repeat's body is one character wide with no groups (`_simple`).
fn simple(body: &[Node]) -> bool {
    if body.len() != 1 {
        return false;
    }
    match &body[0] {
        Node::Subpattern {
            group: None, body, ..
        } => simple(body),
        Node::Literal(_) | Node::NotLiteral(_) | Node::Any | Node::In(_) => true,
        _ => false,
    }
}

/// Case folding as `_compile` chooses it for the flags.
#[derive(Clone, Copy)]
enum Fold {
    None,
    Ascii,
    Unicode,
}

fn fold(flags: u32) -> Fold {
    if flags & IGNORECASE == 0 {
        Fold::None
    } else if flags & UNICODE != 0 {
        Fold::Unicode
    } else {
        Fold::Ascii
    }
}

impl Fold {
    fn iscased(self, c: u32) -> bool {
        match self {
            Fold::None => false,
            Fold::Ascii => ascii_iscased(c),
            Fold::Unicode => uni_iscased(c),
        }
    }
    fn lower(self, c: u32) -> u32 {
        match self {
            Fold::None => c,
            Fold::Ascii => ascii_lower(c),
            Fold::Unicode => uni_lower(c),
        }
    }
}

struct Compiler<'a> {
    code: Vec<u32>,
    bitmaps: Vec<Box<[u64; 1024]>>,
    state: &'a State,
}

impl Compiler<'_> {
    fn emit(&mut self, x: u32) {
        self.code.push(x);
    }
    fn skip_here(&mut self) -> usize {
        self.code.push(0);
        self.code.len() - 1
    }
    fn patch(&mut self, at: usize) {
        self.code[at] = (self.code.len() - at) as u32;
    }

    fn compile(&mut self, nodes: &[Node], flags: u32) -> Result<(), String> {
        let f = fold(flags);
        for n in nodes {
            match n {
                Node::Literal(av) | Node::NotLiteral(av) => {
                    let not = matches!(n, Node::NotLiteral(_));
                    let op = if not { NOT_LITERAL } else { LITERAL };
                    if flags & IGNORECASE == 0 || !f.iscased(*av) {
                        self.emit(op);
                        self.emit(*av);
                        continue;
                    }
                    let lo = f.lower(*av);
                    match f {
                        Fold::Ascii => {
                            self.emit(if not {
                                NOT_LITERAL_IGNORE
                            } else {
                                LITERAL_IGNORE
                            });
                            self.emit(lo);
                        }
                        _ => {
                            let extra = extra_cases(lo);
                            if extra.is_empty() {
                                self.emit(if not {
                                    NOT_LITERAL_UNI_IGNORE
                                } else {
                                    LITERAL_UNI_IGNORE
                                });
                                self.emit(lo);
                            } else {
                                self.emit(IN_UNI_IGNORE);
                                let skip = self.skip_here();
                                if not {
                                    self.emit(NEGATE);
                                }
                                for k in std::iter::once(lo).chain(extra) {
                                    self.emit(LITERAL);
                                    self.emit(k);
                                }
                                self.emit(FAILURE);
                                self.patch(skip);
                            }
                        }
                    }
                }
                Node::In(items) => {
                    let (set, hascased) = self.optimize_charset(items, f);
                    let op = if !hascased {
                        IN
                    } else if matches!(f, Fold::Ascii) {
                        IN_IGNORE
                    } else {
                        IN_UNI_IGNORE
                    };
                    self.emit(op);
                    let skip = self.skip_here();
                    self.compile_charset(&set, flags);
                    self.patch(skip);
                }
                Node::Any => self.emit(if flags & DOTALL != 0 { ANY_ALL } else { ANY }),
                Node::Repeat {
                    kind,
                    min,
                    max,
                    body,
                } => {
                    if flags & TEMPLATE != 0 {
                        return Err("internal: unsupported template operator".into());
                    }
                    let (general, until, one) = match kind {
                        RepeatKind::Min => (REPEAT, MIN_UNTIL, MIN_REPEAT_ONE),
                        RepeatKind::Max => (REPEAT, MAX_UNTIL, REPEAT_ONE),
                        RepeatKind::Possessive => {
                            (POSSESSIVE_REPEAT, SUCCESS, POSSESSIVE_REPEAT_ONE)
                        }
                    };
                    if simple(body) {
                        self.emit(one);
                        let skip = self.skip_here();
                        self.emit(*min);
                        self.emit(*max);
                        self.compile(body, flags)?;
                        self.emit(SUCCESS);
                        self.patch(skip);
                    } else {
                        self.emit(general);
                        let skip = self.skip_here();
                        self.emit(*min);
                        self.emit(*max);
                        self.compile(body, flags)?;
                        self.patch(skip);
                        self.emit(until);
                    }
                }
                Node::Subpattern {
                    group,
                    add,
                    del,
                    body,
                } => {
                    if let Some(g) = group {
                        self.emit(MARK);
                        self.emit(((g - 1) * 2) as u32);
                    }
                    self.compile(body, combine_flags(flags, *add, *del))?;
                    if let Some(g) = group {
                        self.emit(MARK);
                        self.emit(((g - 1) * 2 + 1) as u32);
                    }
                }
                Node::Atomic(body) => {
                    self.emit(ATOMIC_GROUP);
                    let skip = self.skip_here();
                    self.compile(body, flags)?;
                    self.emit(SUCCESS);
                    self.patch(skip);
                }
                Node::Assert {
                    behind,
                    negate,
                    body,
                } => {
                    self.emit(if *negate { ASSERT_NOT } else { ASSERT });
                    let skip = self.skip_here();
                    if *behind {
                        let (lo, hi) = super::parse::getwidth(self.state, body);
                        if lo > u128::from(u32::MAX) {
                            return Err("looks too much behind".into());
                        }
                        if lo != hi {
                            return Err("look-behind requires fixed-width pattern".into());
                        }
                        self.emit(lo as u32);
                    } else {
                        self.emit(0);
                    }
                    self.compile(body, flags)?;
                    self.emit(SUCCESS);
                    self.patch(skip);
                }
                Node::At(at) => {
                    self.emit(AT);
                    let mut code = match at {
                        At::Beginning => AT_BEGINNING,
                        At::BeginningString => AT_BEGINNING_STRING,
                        At::Boundary => AT_BOUNDARY,
                        At::NonBoundary => AT_NON_BOUNDARY,
                        At::End => AT_END,
                        At::EndString => AT_END_STRING,
                    };
                    if flags & MULTILINE != 0 {
                        code = match code {
                            AT_BEGINNING => AT_BEGINNING_LINE,
                            AT_END => AT_END_LINE,
                            c => c,
                        };
                    }
                    if flags & UNICODE != 0 {
                        code = match code {
                            AT_BOUNDARY => AT_UNI_BOUNDARY,
                            AT_NON_BOUNDARY => AT_UNI_NON_BOUNDARY,
                            c => c,
                        };
                    }
                    self.emit(code);
                }
                Node::Branch(items) => {
                    self.emit(BRANCH);
                    let mut tails = Vec::new();
                    for it in items {
                        let skip = self.skip_here();
                        self.compile(it, flags)?;
                        self.emit(JUMP);
                        tails.push(self.skip_here());
                        self.patch(skip);
                    }
                    self.emit(FAILURE);
                    for t in tails {
                        self.patch(t);
                    }
                }
                Node::GroupRef(g) => {
                    self.emit(match f {
                        Fold::None => GROUPREF,
                        Fold::Ascii => GROUPREF_IGNORE,
                        Fold::Unicode => GROUPREF_UNI_IGNORE,
                    });
                    self.emit((*g - 1) as u32);
                }
                Node::GroupRefExists { group, yes, no } => {
                    self.emit(GROUPREF_EXISTS);
                    self.emit((*group - 1) as u32);
                    let skipyes = self.skip_here();
                    self.compile(yes, flags)?;
                    match no {
                        Some(no) => {
                            self.emit(JUMP);
                            let skipno = self.skip_here();
                            self.code[skipyes] = (self.code.len() - skipyes + 1) as u32;
                            self.compile(no, flags)?;
                            self.patch(skipno);
                        }
                        None => {
                            self.code[skipyes] = (self.code.len() - skipyes + 1) as u32;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// `_optimize_charset`, in what it means: with case folding, literals and ranges become
    /// a bitmap of their lowercase forms (and the extra equivalents); what does not fit the BMP
    /// stays an item (a range then matches by upper case too). Returns the set and whether
    /// the input must be lowercased before the test.
    fn optimize_charset(&mut self, items: &[SetItem], f: Fold) -> (Vec<SetItem2>, bool) {
        let mut out = Vec::new();
        let mut tail = Vec::new();
        let mut map: Option<Box<[u64; 1024]>> = None;
        let mut hascased = false;
        let set = |map: &mut Option<Box<[u64; 1024]>>, c: u32| -> bool {
            if c >= 0x10000 {
                return false;
            }
            let m = map.get_or_insert_with(|| Box::new([0u64; 1024]));
            m[(c >> 6) as usize] |= 1 << (c & 63);
            true
        };
        let folding = !matches!(f, Fold::None);
        for item in items {
            match *item {
                SetItem::Negate => out.push(SetItem2::Negate),
                SetItem::Category(c) => tail.push(SetItem2::Category(c)),
                SetItem::Literal(av) => {
                    if !folding {
                        if !set(&mut map, av) {
                            tail.push(SetItem2::Literal(av));
                        }
                        continue;
                    }
                    let lo = f.lower(av);
                    if !set(&mut map, lo) {
                        hascased = true;
                        tail.push(SetItem2::Literal(av));
                        continue;
                    }
                    if matches!(f, Fold::Unicode) {
                        for k in extra_cases(lo) {
                            set(&mut map, k);
                        }
                    }
                    if !hascased && f.iscased(av) {
                        hascased = true;
                    }
                }
                SetItem::Range(a, b) => {
                    if !folding {
                        let top = b.min(0xffff);
                        if a <= top {
                            for c in a..=top {
                                set(&mut map, c);
                            }
                        }
                        if b > 0xffff {
                            tail.push(SetItem2::Range(a, b));
                        }
                        continue;
                    }
                    let mut overflowed = false;
                    for c in a..=b {
                        let lo = f.lower(c);
                        if !set(&mut map, lo) {
                            overflowed = true;
                            break;
                        }
                        if matches!(f, Fold::Unicode) {
                            for k in extra_cases(lo) {
                                set(&mut map, k);
                            }
                        }
                    }
                    if overflowed {
                        hascased = true;
                        tail.push(SetItem2::RangeUniIgnore(a, b));
                    } else if !hascased {
                        hascased = (a..=b).any(|c| f.iscased(c));
                    }
                }
            }
        }
        if let Some(m) = map {
            self.bitmaps.push(m);
            out.push(SetItem2::Bitmap(self.bitmaps.len() - 1));
        }
        out.extend(tail);
        (out, hascased)
    }

    fn compile_charset(&mut self, set: &[SetItem2], flags: u32) {
        for item in set {
            match *item {
                SetItem2::Negate => self.emit(NEGATE),
                SetItem2::Literal(c) => {
                    self.emit(LITERAL);
                    self.emit(c);
                }
                SetItem2::Range(a, b) => {
                    self.emit(RANGE);
                    self.emit(a);
                    self.emit(b);
                }
                SetItem2::RangeUniIgnore(a, b) => {
                    self.emit(RANGE_UNI_IGNORE);
                    self.emit(a);
                    self.emit(b);
                }
                SetItem2::Category(c) => {
                    self.emit(CATEGORY);
                    let code = cat_code(c);
                    self.emit(if flags & UNICODE != 0 {
                        code + CATEGORY_UNI
                    } else {
                        code
                    });
                }
                SetItem2::Bitmap(i) => {
                    self.emit(BITMAP);
                    self.emit(i as u32);
                }
            }
        }
        self.emit(FAILURE);
    }
}

/// A class item after optimisation.
#[derive(Clone, Copy, Debug)]
enum SetItem2 {
    Negate,
    Literal(u32),
    Range(u32, u32),
    RangeUniIgnore(u32, u32),
    Category(Cat),
    Bitmap(usize),
}

/// The code of a parsed pattern (`re._compiler._code` without its search hints).
pub(crate) fn compile(nodes: &[Node], state: &State, flags: u32) -> Result<Program, String> {
    let mut c = Compiler {
        code: Vec::new(),
        bitmaps: Vec::new(),
        state,
    };
    c.compile(nodes, flags)?;
    c.emit(SUCCESS);
    let _ = MAXREPEAT;
    Ok(Program {
        code: c.code,
        bitmaps: c.bitmaps,
    })
}
