//! Resuming a context after a sub-match returned: the code after each of `sre_lib.h`'s
//! `DO_JUMP`s (branch alternatives, the repeat loops, assertions, atomic groups).

use super::{Frame, Jump, Machine, Step, Text};
use crate::stdlib::re::compile::*;
use crate::stdlib::re::parse::MAXREPEAT;

impl<'a, T: Text + ?Sized> Machine<'a, T> {
    /// `DO_JUMP`: saves where the current context stands and pushes a child starting at
    /// `next` (its `pattern` field holds that start until it runs). `toplevel` None: inherit.
    pub(super) fn push(
        &mut self,
        frames: &mut Vec<Frame>,
        jump: Jump,
        pc: usize,
        ptr: usize,
        next: usize,
        toplevel: Option<bool>,
    ) {
        let top = frames.len() - 1;
        frames[top].pattern = pc;
        frames[top].ptr = ptr;
        let tl = toplevel.unwrap_or(frames[top].toplevel);
        let mut f = Frame::new(jump, tl);
        f.pattern = next;
        frames.push(f);
    }

    /// BRANCH's loop from the alternative at `pc` on.
    pub(super) fn branch_next(
        &mut self,
        frames: &mut Vec<Frame>,
        mut pc: usize,
        ptr: usize,
    ) -> Step {
        let code: &'a [u32] = &self.prog.code;
        let end = self.end;
        while code[pc] != 0 {
            let skip = code[pc] as usize;
            let first = code[pc + 1];
            let skip_alt = (first == LITERAL && (ptr >= end || self.ch(ptr) != code[pc + 2]))
                || (first == IN && (ptr >= end || !self.charset(pc + 3, self.ch(ptr))));
            if !skip_alt {
                self.ptr = ptr;
                self.push(frames, Jump::Branch, pc, ptr, pc + 1, None);
                return Step::Enter;
            }
            pc += skip;
        }
        let lm = frames[frames.len() - 1].lastmark;
        if self.repeat.is_some() {
            self.mark_pop_discard(lm);
        }
        Step::Return(false)
    }

    /// REPEAT_ONE's backtracking loop: tries the tail after `count` repetitions, then after
    /// one fewer (with a literal tail, only where that literal is next).
    pub(super) fn repeat_one_next(
        &mut self,
        frames: &mut Vec<Frame>,
        pc: usize,
        first: bool,
    ) -> Step {
        let code: &'a [u32] = &self.prog.code;
        let top = frames.len() - 1;
        let min = code[pc + 1] as isize;
        let tail = pc + code[pc] as usize;
        let lm = frames[top].lastmark;
        let base = frames[top].base;
        if !first {
            frames[top].count -= 1;
        }
        if code[tail] == LITERAL {
            let chr = frames[top].chr;
            while frames[top].count >= min {
                let p = base + frames[top].count as usize;
                if p < self.end && self.ch(p) == chr {
                    break;
                }
                frames[top].count -= 1;
            }
        }
        if frames[top].count >= min {
            let ptr = base + frames[top].count as usize;
            self.ptr = ptr;
            let jump = if code[tail] == LITERAL {
                Jump::RepeatOne1
            } else {
                Jump::RepeatOne2
            };
            self.push(frames, jump, pc, ptr, tail, None);
            return Step::Enter;
        }
        if self.repeat.is_some() {
            self.mark_pop_discard(lm);
        }
        Step::Return(false)
    }

    /// MIN_REPEAT_ONE's loop: tries the tail, then one more character.
    pub(super) fn min_repeat_one_next(
        &mut self,
        frames: &mut Vec<Frame>,
        pc: usize,
        mut ptr: usize,
        first: bool,
    ) -> Step {
        let code: &'a [u32] = &self.prog.code;
        let top = frames.len() - 1;
        let max = code[pc + 2];
        let tail = pc + code[pc] as usize;
        let lm = frames[top].lastmark;
        if !first {
            self.ptr = ptr;
            let n = self.count(pc + 3, 1);
            if n == 0 {
                if self.repeat.is_some() {
                    self.mark_pop_discard(lm);
                }
                return Step::Return(false);
            }
            ptr += 1;
            frames[top].count += 1;
        }
        if max == MAXREPEAT || frames[top].count as i64 <= i64::from(max) {
            self.ptr = ptr;
            self.push(frames, Jump::MinRepeatOne, pc, ptr, tail, None);
            return Step::Enter;
        }
        if self.repeat.is_some() {
            self.mark_pop_discard(lm);
        }
        Step::Return(false)
    }

    /// POSSESSIVE_REPEAT: the required repeats, then as many more as match, never giving any
    /// back. `pc` is at the op's skip.
    pub(super) fn poss_repeat_next(
        &mut self,
        frames: &mut Vec<Frame>,
        pc: usize,
        ptr: usize,
    ) -> Step {
        let code: &'a [u32] = &self.prog.code;
        let top = frames.len() - 1;
        let (min, max) = (code[pc + 1], code[pc + 2]);
        if (frames[top].count as i64) < i64::from(min) {
            self.push(frames, Jump::PossRepeat1, pc, ptr, pc + 3, Some(false));
            return Step::Enter;
        }
        // The optional repeats: `poss_ptr` is the position before the last attempt.
        let count = frames[top].count;
        if ((count as i64) < i64::from(max) || max == MAXREPEAT)
            && Some(self.ptr) != frames[top].poss_ptr
        {
            let f = &mut frames[top];
            f.lastmark = self.lastmark;
            f.lastindex = self.lastindex;
            let lm = f.lastmark;
            self.mark_push(lm);
            frames[top].poss_ptr = Some(self.ptr);
            self.push(frames, Jump::PossRepeat2, pc, ptr, pc + 3, Some(false));
            return Step::Enter;
        }
        Step::Dispatch(pc + code[pc] as usize + 1, self.ptr)
    }

    /// The code after a `DO_JUMP` of kind `jump` returned `ret`, in the context on top.
    pub(super) fn resume(
        &mut self,
        frames: &mut Vec<Frame>,
        jump: Jump,
        ret: bool,
        pc: usize,
        ptr: usize,
    ) -> Step {
        let code: &'a [u32] = &self.prog.code;
        let top = frames.len() - 1;
        let lm = frames[top].lastmark;
        match jump {
            Jump::None => Step::Return(ret),
            Jump::Branch => {
                if ret {
                    if self.repeat.is_some() {
                        self.mark_pop_discard(lm);
                    }
                    return Step::Return(true);
                }
                if self.repeat.is_some() {
                    self.mark_pop(lm, false);
                }
                self.lastmark = frames[top].lastmark;
                self.lastindex = frames[top].lastindex;
                self.branch_next(frames, pc + code[pc] as usize, ptr)
            }
            Jump::RepeatOne1 | Jump::RepeatOne2 => {
                if ret {
                    if self.repeat.is_some() {
                        self.mark_pop_discard(lm);
                    }
                    return Step::Return(true);
                }
                if self.repeat.is_some() {
                    self.mark_pop(lm, false);
                }
                self.lastmark = frames[top].lastmark;
                self.lastindex = frames[top].lastindex;
                self.repeat_one_next(frames, pc, false)
            }
            Jump::MinRepeatOne => {
                if ret {
                    if self.repeat.is_some() {
                        self.mark_pop_discard(lm);
                    }
                    return Step::Return(true);
                }
                if self.repeat.is_some() {
                    self.mark_pop(lm, false);
                }
                self.lastmark = frames[top].lastmark;
                self.lastindex = frames[top].lastindex;
                self.min_repeat_one_next(frames, pc, ptr, false)
            }
            Jump::Repeat => {
                let rep = frames[top].rep;
                self.repeat = self.reps[rep].prev;
                self.reps.truncate(rep);
                Step::Return(ret)
            }
            Jump::MaxUntil1 => {
                if ret {
                    return Step::Return(true);
                }
                let rep = frames[top].rep;
                self.reps[rep].count = frames[top].count - 1;
                self.ptr = ptr;
                Step::Return(false)
            }
            Jump::MaxUntil2 => {
                let rep = frames[top].rep;
                self.reps[rep].last_ptr = self.ptr_stack.pop().flatten();
                if ret {
                    self.mark_pop_discard(lm);
                    return Step::Return(true);
                }
                self.mark_pop(lm, true);
                self.lastmark = frames[top].lastmark;
                self.lastindex = frames[top].lastindex;
                self.reps[rep].count = frames[top].count - 1;
                self.ptr = ptr;
                // Cannot match more repeated items here: make sure the tail matches.
                self.repeat = self.reps[rep].prev;
                self.push(frames, Jump::MaxUntil3, pc, ptr, pc, None);
                Step::Enter
            }
            Jump::MaxUntil3 => {
                let rep = frames[top].rep;
                self.repeat = Some(rep);
                if ret {
                    return Step::Return(true);
                }
                self.ptr = ptr;
                Step::Return(false)
            }
            Jump::MinUntil1 => {
                if ret {
                    return Step::Return(true);
                }
                let rep = frames[top].rep;
                self.reps[rep].count = frames[top].count - 1;
                self.ptr = ptr;
                Step::Return(false)
            }
            Jump::MinUntil2 => {
                let rep = frames[top].rep;
                let repeat_of_tail = self.repeat;
                self.repeat = Some(rep);
                if ret {
                    if repeat_of_tail.is_some() {
                        self.mark_pop_discard(lm);
                    }
                    return Step::Return(true);
                }
                if repeat_of_tail.is_some() {
                    self.mark_pop(lm, true);
                }
                self.lastmark = frames[top].lastmark;
                self.lastindex = frames[top].lastindex;
                self.ptr = ptr;
                let rp = self.reps[rep].pattern;
                let max = code[rp + 2];
                let count = frames[top].count;
                if ((count as i64) >= i64::from(max) && max != MAXREPEAT)
                    || Some(self.ptr) == self.reps[rep].last_ptr
                {
                    return Step::Return(false);
                }
                self.reps[rep].count = count;
                self.ptr_stack.push(self.reps[rep].last_ptr);
                self.reps[rep].last_ptr = Some(self.ptr);
                self.push(frames, Jump::MinUntil3, pc, ptr, rp + 3, None);
                Step::Enter
            }
            Jump::MinUntil3 => {
                let rep = frames[top].rep;
                self.reps[rep].last_ptr = self.ptr_stack.pop().flatten();
                if ret {
                    return Step::Return(true);
                }
                self.reps[rep].count = frames[top].count - 1;
                self.ptr = ptr;
                Step::Return(false)
            }
            Jump::PossRepeat1 => {
                if !ret {
                    self.ptr = ptr;
                    return Step::Return(false);
                }
                frames[top].count += 1;
                self.poss_repeat_next(frames, pc, ptr)
            }
            Jump::PossRepeat2 => {
                if ret {
                    self.mark_pop_discard(lm);
                    frames[top].count += 1;
                    return self.poss_repeat_next(frames, pc, ptr);
                }
                self.mark_pop(lm, true);
                self.lastmark = frames[top].lastmark;
                self.lastindex = frames[top].lastindex;
                self.ptr = frames[top].poss_ptr.unwrap_or(ptr);
                Step::Dispatch(pc + code[pc] as usize + 1, self.ptr)
            }
            Jump::AtomicGroup => {
                if !ret {
                    self.ptr = ptr;
                    return Step::Return(false);
                }
                Step::Dispatch(pc + code[pc] as usize, self.ptr)
            }
            Jump::Assert => {
                if !ret {
                    return Step::Return(false);
                }
                Step::Dispatch(pc + code[pc] as usize, ptr)
            }
            Jump::AssertNot => {
                if ret {
                    if self.repeat.is_some() {
                        self.mark_pop_discard(lm);
                    }
                    return Step::Return(false);
                }
                if self.repeat.is_some() {
                    self.mark_pop(lm, true);
                }
                self.lastmark = frames[top].lastmark;
                self.lastindex = frames[top].lastindex;
                Step::Dispatch(pc + code[pc] as usize, ptr)
            }
        }
    }
}
