//! The hash table behind `set`, laid out exactly as CPython 3.11's (`Objects/setobject.c`):
//! open addressing with linear probes and perturbation, dummies left by deletions, the same
//! growth policy and merge paths. Iterating the slots in order therefore gives CPython's
//! iteration order (and `repr`) for every element whose hash is CPython's (ints, floats,
//! bools, tuples of them); strings hash differently, as CPython's own string order is
//! randomised per process.

use crate::value::traits::PyValue;

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot<T> {
    Empty,
    Dummy,
    Full(i64, T),
}

/// CPython's set table.
#[derive(Clone)]
pub struct SetTable<T> {
    slots: Vec<Slot<T>>,
    fill: usize,
    used: usize,
    finger: usize,
}

/// Freed on a stack segment of its own when the stack runs low (see `List`'s storage).
impl<T> Drop for SetTable<T> {
    fn drop(&mut self) {
        if self.used > 0 {
            let slots = std::mem::take(&mut self.slots);
            crate::value::deep(move || drop(slots));
        }
    }
}

impl<T> Default for SetTable<T> {
    fn default() -> Self {
        SetTable {
            slots: empty_slots(MINSIZE),
            fill: 0,
            used: 0,
            finger: 0,
        }
    }
}

fn empty_slots<T>(n: usize) -> Vec<Slot<T>> {
    (0..n).map(|_| Slot::Empty).collect()
}

/// The CPython hash of a key (an unhashable one never reaches the table).
pub fn key_hash<T: PyValue>(x: &T) -> i64 {
    x.py_hash().unwrap_or(0)
}

impl<T: PyValue + Eq> SetTable<T> {
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }
    pub fn len(&self) -> usize {
        self.used
    }
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// The slot holding `key`, if present (`set_lookkey`).
    fn lookup(&self, key: &T, hash: i64) -> Option<usize> {
        let mask = self.mask();
        let mut perturb = hash as u64 as usize;
        let mut i = perturb & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.slots[j] {
                    Slot::Empty => return None,
                    Slot::Full(h, k) if *h == hash && k == key => return Some(j),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    pub fn contains(&self, key: &T) -> bool {
        self.lookup(key, key_hash(key)).is_some()
    }

    /// Adds `key`; false when it was already there (`set_add_entry`).
    pub fn insert(&mut self, key: T) -> bool {
        let hash = key_hash(&key);
        self.insert_hashed(key, hash)
    }

    fn insert_hashed(&mut self, key: T, hash: i64) -> bool {
        let mask = self.mask();
        let mut perturb = hash as u64 as usize;
        let mut i = perturb & mask;
        let mut freeslot: Option<usize> = None;
        let found_unused = loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            let mut hit = None;
            for j in i..=i + probes {
                match &self.slots[j] {
                    Slot::Empty => {
                        hit = Some(j);
                        break;
                    }
                    Slot::Full(h, k) if *h == hash && *k == key => return false,
                    // CPython keeps the last dummy seen, not the first.
                    Slot::Dummy => freeslot = Some(j),
                    Slot::Full(..) => {}
                }
            }
            if let Some(j) = hit {
                break j;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        };
        if let Some(f) = freeslot {
            self.used += 1;
            self.slots[f] = Slot::Full(hash, key);
            return true;
        }
        self.fill += 1;
        self.used += 1;
        self.slots[found_unused] = Slot::Full(hash, key);
        if self.fill * 5 >= mask * 3 {
            let minused = if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(minused);
        }
        true
    }

    /// `set_insert_clean`: into a table known to hold no dummies and not the key.
    fn insert_clean(slots: &mut [Slot<T>], key: T, hash: i64) {
        let mask = slots.len() - 1;
        let mut perturb = hash as u64 as usize;
        let mut i = perturb & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            if let Some(slot) = slots[i..=i + probes]
                .iter_mut()
                .find(|s| matches!(s, Slot::Empty))
            {
                *slot = Slot::Full(hash, key);
                return;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    /// `set_table_resize`: the smallest power of two above `minused`, active entries re-inserted in slot order.
    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, empty_slots(newsize));
        self.fill = self.used;
        for s in old {
            if let Slot::Full(h, k) = s {
                Self::insert_clean(&mut self.slots, k, h);
            }
        }
    }

    /// Removes `key`, leaving a dummy; false when absent (`set_discard_entry`).
    pub fn remove(&mut self, key: &T) -> bool {
        match self.lookup(key, key_hash(key)) {
            Some(j) => {
                self.slots[j] = Slot::Dummy;
                self.used -= 1;
                true
            }
            None => false,
        }
    }

    /// `set_pop`: the first active slot from the search finger on.
    pub fn pop(&mut self) -> Option<T> {
        if self.used == 0 {
            return None;
        }
        let n = self.slots.len();
        let mut j = self.finger & self.mask();
        while !matches!(self.slots[j], Slot::Full(..)) {
            j = (j + 1) % n;
        }
        let s = std::mem::replace(&mut self.slots[j], Slot::Dummy);
        self.used -= 1;
        self.finger = j + 1;
        match s {
            Slot::Full(_, k) => Some(k),
            _ => None,
        }
    }

    /// An empty table keeping this one's pop finger (`set_clear_internal`).
    pub fn clone_empty(&self) -> Self {
        let mut t = SetTable::default();
        t.finger = self.finger;
        t
    }

    /// `set_swap_bodies`: takes `other`'s table (the pop finger stays).
    pub fn replace_body(&mut self, mut other: SetTable<T>) {
        self.slots = std::mem::take(&mut other.slots);
        self.fill = other.fill;
        self.used = other.used;
    }

    /// The keys in slot (iteration) order.
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Full(_, k) => Some(k),
            _ => None,
        })
    }

    /// The `i`-th key in iteration order.
    pub fn get_index(&self, i: usize) -> Option<&T> {
        self.iter().nth(i)
    }

    /// `set_merge`: adds every key of `other`, copying its layout when this table is empty.
    pub fn merge(&mut self, other: &SetTable<T>)
    where
        T: Clone,
    {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.slots.clone_from(&other.slots);
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for s in &other.slots {
                if let Slot::Full(h, k) = s {
                    Self::insert_clean(&mut self.slots, k.clone(), *h);
                }
            }
            return;
        }
        for s in &other.slots {
            if let Slot::Full(h, k) = s {
                self.insert_hashed(k.clone(), *h);
            }
        }
    }
}
