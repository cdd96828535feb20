//! The matcher's primitive tests: characters, positions (`^`, `$`, `\\b`), classes, and
//! counting repetitions of a one-character item.

use super::{Machine, Text};
use crate::stdlib::re::case::{category, is_ascii_word, is_uni_word, uni_lower, uni_upper};
use crate::stdlib::re::compile::*;
use crate::stdlib::re::parse::MAXREPEAT;

impl<'a, T: Text + ?Sized> Machine<'a, T> {
    #[inline]
    pub(super) fn ch(&self, i: usize) -> u32 {
        self.text.at(i)
    }

    fn is_word(&self, uni: bool, i: usize) -> bool {
        let c = self.ch(i);
        if uni {
            is_uni_word(c)
        } else {
            is_ascii_word(c)
        }
    }

    pub(super) fn at(&self, ptr: usize, code: u32) -> bool {
        let (beg, end) = (0usize, self.end);
        let nl = |i: usize| self.ch(i) == 10;
        match code {
            AT_BEGINNING | AT_BEGINNING_STRING => ptr == beg,
            AT_BEGINNING_LINE => ptr == beg || nl(ptr - 1),
            AT_END => (end - ptr == 1 && nl(ptr)) || ptr == end,
            AT_END_LINE => ptr == end || nl(ptr),
            AT_END_STRING => ptr == end,
            AT_BOUNDARY | AT_NON_BOUNDARY | AT_UNI_BOUNDARY | AT_UNI_NON_BOUNDARY => {
                if beg == end {
                    return false;
                }
                let uni = code == AT_UNI_BOUNDARY || code == AT_UNI_NON_BOUNDARY;
                let that = ptr > beg && self.is_word(uni, ptr - 1);
                let this = ptr < end && self.is_word(uni, ptr);
                if code == AT_BOUNDARY || code == AT_UNI_BOUNDARY {
                    this != that
                } else {
                    this == that
                }
            }
            _ => false,
        }
    }

    /// Whether `ch` is in the set starting at `set` (`SRE(charset)`).
    pub(super) fn charset(&self, mut set: usize, ch: u32) -> bool {
        let code = &self.prog.code;
        let mut ok = true;
        loop {
            let op = code[set];
            set += 1;
            match op {
                FAILURE => return !ok,
                LITERAL => {
                    if ch == code[set] {
                        return ok;
                    }
                    set += 1;
                }
                CATEGORY => {
                    if category(code[set], ch) {
                        return ok;
                    }
                    set += 1;
                }
                RANGE => {
                    if code[set] <= ch && ch <= code[set + 1] {
                        return ok;
                    }
                    set += 2;
                }
                RANGE_UNI_IGNORE => {
                    if code[set] <= ch && ch <= code[set + 1] {
                        return ok;
                    }
                    let uch = uni_upper(ch);
                    if code[set] <= uch && uch <= code[set + 1] {
                        return ok;
                    }
                    set += 2;
                }
                NEGATE => ok = !ok,
                BITMAP => {
                    let m = &self.prog.bitmaps[code[set] as usize];
                    if ch < 0x10000 && m[(ch >> 6) as usize] & (1 << (ch & 63)) != 0 {
                        return ok;
                    }
                    set += 1;
                }
                _ => return false,
            }
        }
    }

    /// How many times the one-character item at `pat` matches from `self.ptr`, at most
    /// `maxcount` (`SRE(count)`).
    pub(super) fn count(&mut self, pat: usize, maxcount: u32) -> usize {
        let code = &self.prog.code;
        let start = self.ptr;
        let mut end = self.end;
        if maxcount != MAXREPEAT && (maxcount as usize) < end - start {
            end = start + maxcount as usize;
        }
        let mut p = start;
        let arg = code[pat + 1];
        match code[pat] {
            IN => {
                while p < end && self.charset(pat + 2, self.ch(p)) {
                    p += 1;
                }
            }
            ANY => {
                while p < end && self.ch(p) != 10 {
                    p += 1;
                }
            }
            ANY_ALL => p = end,
            LITERAL => {
                while p < end && self.ch(p) == arg {
                    p += 1;
                }
            }
            LITERAL_IGNORE => {
                while p < end && crate::stdlib::re::case::ascii_lower(self.ch(p)) == arg {
                    p += 1;
                }
            }
            LITERAL_UNI_IGNORE => {
                while p < end && uni_lower(self.ch(p)) == arg {
                    p += 1;
                }
            }
            NOT_LITERAL => {
                while p < end && self.ch(p) != arg {
                    p += 1;
                }
            }
            NOT_LITERAL_IGNORE => {
                while p < end && crate::stdlib::re::case::ascii_lower(self.ch(p)) != arg {
                    p += 1;
                }
            }
            NOT_LITERAL_UNI_IGNORE => {
                while p < end && uni_lower(self.ch(p)) != arg {
                    p += 1;
                }
            }
            _ => {
                // A general one-character item (IN_IGNORE, IN_UNI_IGNORE, ...).
                while self.ptr < end {
                    if !self.run(pat, false) {
                        break;
                    }
                }
                return self.ptr - start;
            }
        }
        p - start
    }
}
