//! The matcher: CPython's `sre` backtracking machine (`_sre/sre_lib.h`) transcribed to Rust:
//! the same opcodes, repeat contexts, mark saving and restoring, zero-width protection and
//! search loop, so captures, `lastindex` and every corner of backtracking come out as in
//! CPython. Backtracking state lives in vectors, not on the native stack.

mod ops;
mod resume;

use super::case::{category, uni_lower};
use super::compile::*;
use super::parse::MAXREPEAT;

/// Text a pattern runs over: code points (or bytes), indexed.
pub(crate) trait Text {
    fn len(&self) -> usize;
    fn at(&self, i: usize) -> u32;
}

impl Text for [u8] {
    #[inline]
    fn len(&self) -> usize {
        <[u8]>::len(self)
    }
    #[inline]
    fn at(&self, i: usize) -> u32 {
        u32::from(self[i])
    }
}

impl Text for [u32] {
    #[inline]
    fn len(&self) -> usize {
        <[u32]>::len(self)
    }
    #[inline]
    fn at(&self, i: usize) -> u32 {
        self[i]
    }
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Jump {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

/// One context of the machine (`SRE(match_context)`).
#[derive(Clone, Copy)]
struct Frame {
    jump: Jump,
    toplevel: bool,
    pattern: usize,
    ptr: usize,
    count: isize,
    chr: u32,
    rep: usize,
    lastmark: isize,
    lastindex: isize,
    /// `ptr` saved by POSSESSIVE_REPEAT's loop (None: CPython's NULL).
    poss_ptr: Option<usize>,
    /// Where REPEAT_ONE's repetitions start (`ptr` is `base + count`).
    base: usize,
}

impl Frame {
    fn new(jump: Jump, toplevel: bool) -> Frame {
        Frame {
            jump,
            toplevel,
            pattern: 0,
            ptr: 0,
            count: 0,
            chr: 0,
            rep: 0,
            lastmark: -1,
            lastindex: -1,
            poss_ptr: None,
            base: 0,
        }
    }
}

/// A repeat context (`SRE_REPEAT`).
struct Rep {
    count: isize,
    pattern: usize,
    last_ptr: Option<usize>,
    prev: Option<usize>,
}

/// The matcher state for one string (`SRE_STATE`).
pub(crate) struct Machine<'a, T: Text + ?Sized> {
    text: &'a T,
    prog: &'a Program,
    pub start: usize,
    pub end: usize,
    pub ptr: usize,
    pub marks: Vec<Option<usize>>,
    pub lastmark: isize,
    pub lastindex: isize,
    repeat: Option<usize>,
    reps: Vec<Rep>,
    mark_stack: Vec<Option<usize>>,
    ptr_stack: Vec<Option<usize>>,
    pub must_advance: bool,
    pub match_all: bool,
}

enum Step {
    /// A child context was pushed: start it.
    Enter,
    /// Go on in the current context at (pattern, ptr).
    Dispatch(usize, usize),
    /// The current context returns.
    Return(bool),
}

impl<'a, T: Text + ?Sized> Machine<'a, T> {
    pub(crate) fn new(
        text: &'a T,
        prog: &'a Program,
        start: usize,
        end: usize,
        groups: usize,
    ) -> Self {
        let end = end.min(text.len());
        let start = start.min(end);
        Machine {
            text,
            prog,
            start,
            end,
            ptr: start,
            marks: vec![None; groups * 2],
            lastmark: -1,
            lastindex: -1,
            repeat: None,
            reps: Vec::new(),
            mark_stack: Vec::new(),
            ptr_stack: Vec::new(),
            must_advance: false,
            match_all: false,
        }
    }

    /// Forgets the captures (between two attempts).
    pub(crate) fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = None;
        self.reps.clear();
        self.mark_stack.clear();
        self.ptr_stack.clear();
    }

    fn mark_push(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            self.mark_stack.extend_from_slice(&self.marks[..n]);
        }
    }
    fn mark_pop(&mut self, lastmark: isize, discard: bool) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let base = self.mark_stack.len() - n;
            self.marks[..n].copy_from_slice(&self.mark_stack[base..]);
            if discard {
                self.mark_stack.truncate(base);
            }
        }
    }
    fn mark_pop_discard(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let len = self.mark_stack.len() - n;
            self.mark_stack.truncate(len);
        }
    }

    /// `SRE(match)`: whether the code at `pattern` matches at `self.ptr`; on success
    /// `self.ptr` is the end of the match.
    pub(crate) fn run(&mut self, pattern: usize, toplevel: bool) -> bool {
        let code: &'a [u32] = &self.prog.code;
        let mut frames: Vec<Frame> = vec![Frame::new(Jump::None, toplevel)];
        let mut pc = pattern;
        let mut resume: Option<usize> = None;
        'entrance: loop {
            let mut ptr = resume.take().unwrap_or(self.ptr);
            let end = self.end;
            let mut ret: bool = 'dispatch: loop {
                let op = code[pc];
                pc += 1;
                let top = frames.len() - 1;
                match op {
                    MARK => {
                        let i = code[pc] as isize;
                        if i & 1 == 1 {
                            self.lastindex = i / 2 + 1;
                        }
                        if i > self.lastmark {
                            let mut j = self.lastmark + 1;
                            while j < i {
                                self.marks[j as usize] = None;
                                j += 1;
                            }
                            self.lastmark = i;
                        }
                        self.marks[i as usize] = Some(ptr);
                        pc += 1;
                    }
                    LITERAL => {
                        if ptr >= end || self.ch(ptr) != code[pc] {
                            break 'dispatch false;
                        }
                        pc += 1;
                        ptr += 1;
                    }
                    NOT_LITERAL => {
                        if ptr >= end || self.ch(ptr) == code[pc] {
                            break 'dispatch false;
                        }
                        pc += 1;
                        ptr += 1;
                    }
                    SUCCESS => {
                        if frames[top].toplevel
                            && ((self.match_all && ptr != self.end)
                                || (self.must_advance && ptr == self.start))
                        {
                            break 'dispatch false;
                        }
                        self.ptr = ptr;
                        break 'dispatch true;
                    }
                    AT => {
                        if !self.at(ptr, code[pc]) {
                            break 'dispatch false;
                        }
                        pc += 1;
                    }
                    CATEGORY => {
                        if ptr >= end || !category(code[pc], self.ch(ptr)) {
                            break 'dispatch false;
                        }
                        pc += 1;
                        ptr += 1;
                    }
                    ANY => {
                        if ptr >= end || self.ch(ptr) == 10 {
                            break 'dispatch false;
                        }
                        ptr += 1;
                    }
                    ANY_ALL => {
                        if ptr >= end {
                            break 'dispatch false;
                        }
                        ptr += 1;
                    }
                    IN | IN_IGNORE | IN_UNI_IGNORE => {
                        if ptr >= end {
                            break 'dispatch false;
                        }
                        let c = match op {
                            IN => self.ch(ptr),
                            IN_IGNORE => super::case::ascii_lower(self.ch(ptr)),
                            _ => uni_lower(self.ch(ptr)),
                        };
                        if !self.charset(pc + 1, c) {
                            break 'dispatch false;
                        }
                        pc += code[pc] as usize;
                        ptr += 1;
                    }
                    LITERAL_IGNORE
                    | NOT_LITERAL_IGNORE
                    | LITERAL_UNI_IGNORE
                    | NOT_LITERAL_UNI_IGNORE => {
                        if ptr >= end {
                            break 'dispatch false;
                        }
                        let c = if op == LITERAL_IGNORE || op == NOT_LITERAL_IGNORE {
                            super::case::ascii_lower(self.ch(ptr))
                        } else {
                            uni_lower(self.ch(ptr))
                        };
                        let eq = c == code[pc];
                        let want = op == LITERAL_IGNORE || op == LITERAL_UNI_IGNORE;
                        if eq != want {
                            break 'dispatch false;
                        }
                        pc += 1;
                        ptr += 1;
                    }
                    JUMP => {
                        pc += code[pc] as usize;
                    }
                    BRANCH => {
                        let f = &mut frames[top];
                        f.lastmark = self.lastmark;
                        f.lastindex = self.lastindex;
                        let lm = f.lastmark;
                        if self.repeat.is_some() {
                            self.mark_push(lm);
                        }
                        match self.branch_next(&mut frames, pc, ptr) {
                            Step::Enter => {
                                pc = frames[frames.len() - 1].pattern;
                                continue 'entrance;
                            }
                            Step::Return(r) => break 'dispatch r,
                            Step::Dispatch(..) => unreachable!("a branch never dispatches"),
                        }
                    }
                    REPEAT_ONE => {
                        let (min, max) = (code[pc + 1], code[pc + 2]);
                        if min as usize > end - ptr {
                            break 'dispatch false;
                        }
                        self.ptr = ptr;
                        frames[top].base = ptr;
                        let n = self.count(pc + 3, max);
                        frames[top].count = n as isize;
                        ptr += n;
                        if (n as u64) < u64::from(min) {
                            break 'dispatch false;
                        }
                        let tail = pc + code[pc] as usize;
                        if code[tail] == SUCCESS
                            && ptr == self.end
                            && !(frames[top].toplevel && self.must_advance && ptr == self.start)
                        {
                            self.ptr = ptr;
                            break 'dispatch true;
                        }
                        let f = &mut frames[top];
                        f.lastmark = self.lastmark;
                        f.lastindex = self.lastindex;
                        let lm = f.lastmark;
                        if self.repeat.is_some() {
                            self.mark_push(lm);
                        }
                        if code[tail] == LITERAL {
                            frames[top].chr = code[tail + 1];
                        }
                        match self.repeat_one_next(&mut frames, pc, true) {
                            Step::Enter => {
                                pc = frames[frames.len() - 1].pattern;
                                continue 'entrance;
                            }
                            Step::Return(r) => break 'dispatch r,
                            Step::Dispatch(..) => unreachable!(),
                        }
                    }
                    MIN_REPEAT_ONE => {
                        let min = code[pc + 1];
                        if min as usize > end - ptr {
                            break 'dispatch false;
                        }
                        self.ptr = ptr;
                        if min == 0 {
                            frames[top].count = 0;
                        } else {
                            let n = self.count(pc + 3, min);
                            if (n as u64) < u64::from(min) {
                                break 'dispatch false;
                            }
                            frames[top].count = n as isize;
                            ptr += n;
                        }
                        let tail = pc + code[pc] as usize;
                        if code[tail] == SUCCESS
                            && !(frames[top].toplevel
                                && ((self.match_all && ptr != self.end)
                                    || (self.must_advance && ptr == self.start)))
                        {
                            self.ptr = ptr;
                            break 'dispatch true;
                        }
                        let f = &mut frames[top];
                        f.lastmark = self.lastmark;
                        f.lastindex = self.lastindex;
                        let lm = f.lastmark;
                        if self.repeat.is_some() {
                            self.mark_push(lm);
                        }
                        match self.min_repeat_one_next(&mut frames, pc, ptr, true) {
                            Step::Enter => {
                                pc = frames[frames.len() - 1].pattern;
                                continue 'entrance;
                            }
                            Step::Return(r) => break 'dispatch r,
                            Step::Dispatch(..) => unreachable!(),
                        }
                    }
                    POSSESSIVE_REPEAT_ONE => {
                        let (min, max) = (code[pc + 1], code[pc + 2]);
                        if ptr + min as usize > end {
                            break 'dispatch false;
                        }
                        self.ptr = ptr;
                        let n = self.count(pc + 3, max);
                        frames[top].count = n as isize;
                        ptr += n;
                        if (n as u64) < u64::from(min) {
                            break 'dispatch false;
                        }
                        pc += code[pc] as usize;
                        if code[pc] == SUCCESS
                            && ptr == self.end
                            && !(frames[top].toplevel && self.must_advance && ptr == self.start)
                        {
                            self.ptr = ptr;
                            break 'dispatch true;
                        }
                    }
                    REPEAT => {
                        let rep = self.reps.len();
                        self.reps.push(Rep {
                            count: -1,
                            pattern: pc,
                            last_ptr: None,
                            prev: self.repeat,
                        });
                        self.repeat = Some(rep);
                        frames[top].rep = rep;
                        self.ptr = ptr;
                        let next = pc + code[pc] as usize;
                        self.push(&mut frames, Jump::Repeat, pc, ptr, next, None);
                        pc = next;
                        continue 'entrance;
                    }
                    MAX_UNTIL => {
                        let Some(rep) = self.repeat else {
                            break 'dispatch false;
                        };
                        frames[top].rep = rep;
                        self.ptr = ptr;
                        let count = self.reps[rep].count + 1;
                        frames[top].count = count;
                        let rp = self.reps[rep].pattern;
                        let (min, max) = (code[rp + 1], code[rp + 2]);
                        if (count as i64) < i64::from(min) {
                            self.reps[rep].count = count;
                            self.push(&mut frames, Jump::MaxUntil1, pc, ptr, rp + 3, None);
                            pc = rp + 3;
                            continue 'entrance;
                        }
                        if ((count as i64) < i64::from(max) || max == MAXREPEAT)
                            && Some(self.ptr) != self.reps[rep].last_ptr
                        {
                            self.reps[rep].count = count;
                            let f = &mut frames[top];
                            f.lastmark = self.lastmark;
                            f.lastindex = self.lastindex;
                            let lm = f.lastmark;
                            self.mark_push(lm);
                            self.ptr_stack.push(self.reps[rep].last_ptr);
                            self.reps[rep].last_ptr = Some(self.ptr);
                            self.push(&mut frames, Jump::MaxUntil2, pc, ptr, rp + 3, None);
                            pc = rp + 3;
                            continue 'entrance;
                        }
                        self.repeat = self.reps[rep].prev;
                        self.push(&mut frames, Jump::MaxUntil3, pc, ptr, pc, None);
                        continue 'entrance;
                    }
                    MIN_UNTIL => {
                        let Some(rep) = self.repeat else {
                            break 'dispatch false;
                        };
                        frames[top].rep = rep;
                        self.ptr = ptr;
                        let count = self.reps[rep].count + 1;
                        frames[top].count = count;
                        let rp = self.reps[rep].pattern;
                        let min = code[rp + 1];
                        if (count as i64) < i64::from(min) {
                            self.reps[rep].count = count;
                            self.push(&mut frames, Jump::MinUntil1, pc, ptr, rp + 3, None);
                            pc = rp + 3;
                            continue 'entrance;
                        }
                        self.repeat = self.reps[rep].prev;
                        let f = &mut frames[top];
                        f.lastmark = self.lastmark;
                        f.lastindex = self.lastindex;
                        let lm = f.lastmark;
                        if self.repeat.is_some() {
                            self.mark_push(lm);
                        }
                        self.push(&mut frames, Jump::MinUntil2, pc, ptr, pc, None);
                        continue 'entrance;
                    }
                    POSSESSIVE_REPEAT => {
                        self.ptr = ptr;
                        frames[top].count = 0;
                        match self.poss_repeat_next(&mut frames, pc, ptr) {
                            Step::Enter => {
                                pc = frames[frames.len() - 1].pattern;
                                continue 'entrance;
                            }
                            Step::Dispatch(p, q) => {
                                pc = p;
                                ptr = q;
                            }
                            Step::Return(r) => break 'dispatch r,
                        }
                    }
                    ATOMIC_GROUP => {
                        self.ptr = ptr;
                        self.push(&mut frames, Jump::AtomicGroup, pc, ptr, pc + 1, Some(false));
                        pc += 1;
                        continue 'entrance;
                    }
                    GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE => {
                        let g = code[pc] as isize * 2;
                        if g >= self.lastmark {
                            break 'dispatch false;
                        }
                        let (Some(mut p), Some(e)) =
                            (self.marks[g as usize], self.marks[g as usize + 1])
                        else {
                            break 'dispatch false;
                        };
                        if e < p {
                            break 'dispatch false;
                        }
                        while p < e {
                            if ptr >= end {
                                break 'dispatch false;
                            }
                            let (a, b) = (self.ch(ptr), self.ch(p));
                            let same = match op {
                                GROUPREF => a == b,
                                GROUPREF_IGNORE => {
                                    super::case::ascii_lower(a) == super::case::ascii_lower(b)
                                }
                                _ => uni_lower(a) == uni_lower(b),
                            };
                            if !same {
                                break 'dispatch false;
                            }
                            p += 1;
                            ptr += 1;
                        }
                        pc += 1;
                    }
                    GROUPREF_EXISTS => {
                        let g = code[pc] as isize * 2;
                        let exists = g < self.lastmark
                            && matches!((self.marks[g as usize], self.marks[g as usize + 1]), (Some(p), Some(e)) if e >= p);
                        if exists {
                            pc += 2;
                        } else {
                            pc += code[pc + 1] as usize;
                        }
                    }
                    ASSERT => {
                        let back = code[pc + 1] as usize;
                        if ptr < back {
                            break 'dispatch false;
                        }
                        self.ptr = ptr - back;
                        self.push(&mut frames, Jump::Assert, pc, ptr, pc + 2, Some(false));
                        pc += 2;
                        continue 'entrance;
                    }
                    ASSERT_NOT => {
                        let back = code[pc + 1] as usize;
                        if ptr >= back {
                            self.ptr = ptr - back;
                            let f = &mut frames[top];
                            f.lastmark = self.lastmark;
                            f.lastindex = self.lastindex;
                            let lm = f.lastmark;
                            if self.repeat.is_some() {
                                self.mark_push(lm);
                            }
                            self.push(&mut frames, Jump::AssertNot, pc, ptr, pc + 2, Some(false));
                            pc += 2;
                            continue 'entrance;
                        }
                        pc += code[pc] as usize;
                    }
                    _ => break 'dispatch false,
                }
            };
            // A context returned `ret`: resume its parent at the point it jumped from.
            loop {
                let child = frames.pop().map_or(Jump::None, |f| f.jump);
                if frames.is_empty() {
                    return ret;
                }
                let top = frames.len() - 1;
                pc = frames[top].pattern;
                let ptr = frames[top].ptr;
                let step = self.resume(&mut frames, child, ret, pc, ptr);
                match step {
                    Step::Enter => {
                        pc = frames[frames.len() - 1].pattern;
                        continue 'entrance;
                    }
                    Step::Dispatch(p, q) => {
                        pc = p;
                        resume = Some(q);
                        continue 'entrance;
                    }
                    Step::Return(r) => ret = r,
                }
            }
        }
    }

    /// `SRE(search)`: the first match at or after `self.start`.
    pub(crate) fn search(&mut self) -> bool {
        let code = &self.prog.code;
        let mut ptr = self.start;
        let end = self.end;
        if ptr > end {
            return false;
        }
        self.ptr = ptr;
        let mut status = self.run(0, true);
        self.must_advance = false;
        if !status && code[0] == AT && (code[1] == AT_BEGINNING || code[1] == AT_BEGINNING_STRING) {
            self.start = end;
            self.ptr = end;
            return false;
        }
        while !status && ptr < end {
            ptr += 1;
            self.reset();
            self.start = ptr;
            self.ptr = ptr;
            status = self.run(0, false);
        }
        status
    }
}
