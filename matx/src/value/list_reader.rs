//! `xs[i]` of a shared list read in a loop without a lock per read: items copied ahead under one read lock, valid while the list's write count stays the same.
//!
//! Why it is exact: every change of a list takes its write lock, which counts itself before
//! any item can change. A read that finds the count unchanged since its copy was made sees
//! the items the list holds at that moment, so it returns what a locked read at that moment
//! would; a changed count (another thread's write, or the loop's own) makes the next read
//! copy again. The window adapts to the loop: it grows while reads stay inside it and shrinks
//! when they jump around (random access then costs about one locked read each).

use crate::value::list::{item, List};
use crate::value::slice::norm_index;
use crate::Result;
use std::sync::atomic::Ordering;

/// The items a loop reads from one shared list by index (see the module doc).
pub struct ListReader<T> {
    list: List<T>,
    /// `items` are the list's items from `base` on, copied when its write count was `writes`.
    base: usize,
    items: Vec<T>,
    /// The list's length at the copy.
    len: usize,
    writes: u64,
    valid: bool,
    /// How many items the next copy takes, and how many reads the current one served.
    chunk: usize,
    hits: usize,
}

impl<T: Clone> ListReader<T> {
    pub fn new(list: &List<T>) -> Self {
        ListReader {
            list: list.clone(),
            base: 0,
            items: Vec::new(),
            len: 0,
            writes: 0,
            valid: false,
            chunk: 8,
            hits: 0,
        }
    }

    /// `list[i]`, with `IndexError` as `List::get_item` raises it.
    #[inline]
    pub fn get(&mut self, i: i64) -> Result<T> {
        if self.valid && self.list.0.writes.load(Ordering::Acquire) == self.writes {
            if let Some(j) = norm_index(i, self.len) {
                if let Some(x) = j.checked_sub(self.base).and_then(|k| self.items.get(k)) {
                    self.hits += 1;
                    return Ok(x.clone());
                }
            }
        }
        self.copy_around(i)
    }

    /// Copies a window of the items around `i` and reads `list[i]` under one read lock.
    #[cold]
    fn copy_around(&mut self, i: i64) -> Result<T> {
        let items = self.list.0.read();
        let writes = self.list.0.writes.load(Ordering::Acquire);
        // A copy that served at least a quarter of its items was worth it: take more next
        // time; one that did not (reads jumping around) takes fewer.
        self.chunk = if self.hits * 4 >= self.chunk {
            (self.chunk * 2).min(256)
        } else {
            (self.chunk / 2).max(4)
        };
        self.hits = 0;
        let x = item(&items, i)?;
        if let Some(j) = norm_index(i, items.len()) {
            // Mostly ahead of `i`, a little behind (loops also read `xs[i - k]`).
            let base = j.saturating_sub(self.chunk / 8);
            let end = (base + self.chunk).min(items.len());
            self.items.clear();
            self.items.extend_from_slice(&items[base..end]);
            self.base = base;
            self.len = items.len();
            self.writes = writes;
            self.valid = true;
        }
        Ok(x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every read gives what `get_item` gives at that moment: sequential, backward and
    /// random reads, negative and out-of-range indices, and writes between reads.
    #[test]
    fn reads_what_the_list_holds() {
        let list = List::from_vec((0..1000i64).collect());
        let mut r = ListReader::new(&list);
        let mut k: i64 = 7;
        for step in 0..5000i64 {
            k = (k * 31 + 17) % 2003 - 1001;
            let i = match step % 3 {
                0 => step % 1000,
                1 => (step % 1000) - 16,
                _ => k,
            };
            assert_eq!(r.get(i).ok(), list.get_item(i).ok(), "read {i}");
            if step % 97 == 0 {
                list.set_item(step % 1000, -step).unwrap();
            }
            if step % 1013 == 0 {
                list.append(step).unwrap();
            }
        }
        let e = r.get(5000).unwrap_err();
        assert!(e.is_instance(&crate::exc::IndexError));
    }
}
