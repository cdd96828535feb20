//! The string a pattern runs over: a str (as ASCII bytes when it is ASCII, else as code
//! points) or bytes, with its length and slices in Python's units.

use super::compile::Program;
use super::engine::{Machine, Text};
use crate::value::{Any, Bytes, Str};
use std::sync::Arc;

/// A subject string, decoded once for matching.
#[derive(Clone)]
pub enum Subject {
    /// An ASCII str: its bytes are its code points.
    Ascii(Str),
    /// Any other str, with its code points.
    Wide(Arc<[u32]>),
    Bytes(Bytes),
}

impl Subject {
    pub(crate) fn from_str(s: &Str) -> Subject {
        if s.is_ascii() {
            Subject::Ascii(s.clone())
        } else {
            let cps: Vec<u32> = s.as_str().chars().map(|c| c as u32).collect();
            Subject::Wide(cps.into())
        }
    }
    pub(crate) fn len(&self) -> usize {
        match self {
            Subject::Ascii(s) => s.as_str().len(),
            Subject::Wide(cps) => cps.len(),
            Subject::Bytes(b) => b.len(),
        }
    }
    pub(crate) fn is_bytes(&self) -> bool {
        matches!(self, Subject::Bytes(_))
    }
    /// `string[i:j]` as a value of the subject's type.
    pub(crate) fn slice(&self, i: usize, j: usize) -> Any {
        match self {
            Subject::Ascii(s) => Any::Str(Str::new(&s.as_str()[i..j])),
            Subject::Wide(cps) => Any::Str(Str::from(
                cps[i..j]
                    .iter()
                    .filter_map(|&c| char::from_u32(c))
                    .collect::<String>(),
            )),
            Subject::Bytes(b) => Any::Bytes(Bytes::new(&b.as_bytes()[i..j])),
        }
    }
    /// Runs `f` on a matcher over this subject.
    pub(crate) fn with_machine<R>(
        &self,
        prog: &Program,
        start: usize,
        end: usize,
        groups: usize,
        f: impl FnOnce(&mut dyn Matcher) -> R,
    ) -> R {
        match self {
            Subject::Ascii(s) => {
                let mut m = Machine::new(s.as_str().as_bytes(), prog, start, end, groups);
                f(&mut m)
            }
            Subject::Wide(cps) => {
                let mut m = Machine::new(&cps[..], prog, start, end, groups);
                f(&mut m)
            }
            Subject::Bytes(b) => {
                let mut m = Machine::new(b.as_bytes(), prog, start, end, groups);
                f(&mut m)
            }
        }
    }
}

/// The matcher's operations, without its text type.
pub(crate) trait Matcher {
    fn reset(&mut self);
    fn search(&mut self) -> bool;
    fn match_here(&mut self, match_all: bool) -> bool;
    fn start(&self) -> usize;
    fn set_start(&mut self, start: usize);
    fn ptr(&self) -> usize;
    fn end(&self) -> usize;
    fn set_must_advance(&mut self, v: bool);
    /// The span of group `g` (1-based), when it took part in the match.
    fn group_span(&self, g: usize) -> Option<(usize, usize)>;
    fn lastindex(&self) -> isize;
}

impl<T: Text + ?Sized> Matcher for Machine<'_, T> {
    fn reset(&mut self) {
        Machine::reset(self);
    }
    fn search(&mut self) -> bool {
        self.ptr = self.start;
        Machine::search(self)
    }
    fn match_here(&mut self, match_all: bool) -> bool {
        self.ptr = self.start;
        self.match_all = match_all;
        self.run(0, true)
    }
    fn start(&self) -> usize {
        self.start
    }
    fn set_start(&mut self, start: usize) {
        self.start = start;
    }
    fn ptr(&self) -> usize {
        self.ptr
    }
    fn end(&self) -> usize {
        self.end
    }
    fn set_must_advance(&mut self, v: bool) {
        self.must_advance = v;
    }
    fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let j = (g - 1) * 2;
        if (j as isize) < self.lastmark {
            if let (Some(a), Some(b)) = (self.marks[j], self.marks[j + 1]) {
                return Some((a, b));
            }
        }
        None
    }
    fn lastindex(&self) -> isize {
        self.lastindex
    }
}
