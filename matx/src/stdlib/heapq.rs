//! `heapq`: CPython's sift algorithms step for step, so a heap list holds its items in
//! CPython's order, and `nsmallest`/`nlargest` as `heapq.py` computes them (ties included).

use crate::error::{err, exc};
use crate::value::{List, PyOrd};
use crate::Result;

/// Positions of a heap: a shared list (each access takes its lock only for that access, so
/// a comparison never runs under it) or a private vector.
trait Slots<T> {
    fn size(&self) -> usize;
    fn slot(&self, i: usize) -> Result<T>;
    fn swap_slots(&mut self, i: usize, j: usize) -> Result<()>;
}

impl<T: Clone> Slots<T> for List<T> {
    fn size(&self) -> usize {
        List::len(self)
    }
    fn slot(&self, i: usize) -> Result<T> {
        self.get_item(i as i64)
    }
    fn swap_slots(&mut self, i: usize, j: usize) -> Result<()> {
        let (a, b) = (self.get_item(i as i64)?, self.get_item(j as i64)?);
        self.set_item(i as i64, b)?;
        self.set_item(j as i64, a)
    }
}

impl<T: Clone> Slots<T> for Vec<T> {
    fn size(&self) -> usize {
        Vec::len(self)
    }
    fn slot(&self, i: usize) -> Result<T> {
        Ok(self[i].clone())
    }
    fn swap_slots(&mut self, i: usize, j: usize) -> Result<()> {
        <[T]>::swap(self, i, j);
        Ok(())
    }
}

fn changed_size() -> crate::Error {
    crate::Error::new(&exc::RuntimeError, "list changed size during iteration")
}

/// `_siftdown(heap, startpos, pos)`: moves the item at `pos` up towards `startpos`.
fn sift_down<T, S: Slots<T>>(
    heap: &mut S,
    start: usize,
    mut pos: usize,
    lt: &mut impl FnMut(&T, &T) -> Result<bool>,
) -> Result<()> {
    let size = heap.size();
    if pos >= size {
        return err(&exc::IndexError, "list index out of range");
    }
    while pos > start {
        let parent = (pos - 1) >> 1;
        let less = lt(&heap.slot(pos)?, &heap.slot(parent)?)?;
        if size != heap.size() {
            return Err(changed_size());
        }
        if !less {
            break;
        }
        heap.swap_slots(parent, pos)?;
        pos = parent;
    }
    Ok(())
}

/// `_siftup(heap, pos)`: moves the smaller child up until a leaf, then sifts down.
fn sift_up<T, S: Slots<T>>(
    heap: &mut S,
    mut pos: usize,
    lt: &mut impl FnMut(&T, &T) -> Result<bool>,
) -> Result<()> {
    let end = heap.size();
    let start = pos;
    if pos >= end {
        return err(&exc::IndexError, "list index out of range");
    }
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let less = lt(&heap.slot(child)?, &heap.slot(child + 1)?)?;
            if !less {
                child += 1;
            }
            if end != heap.size() {
                return Err(changed_size());
            }
        }
        heap.swap_slots(child, pos)?;
        pos = child;
    }
    sift_down(heap, start, pos, lt)
}

fn heapify_with<T, S: Slots<T>>(
    heap: &mut S,
    lt: &mut impl FnMut(&T, &T) -> Result<bool>,
) -> Result<()> {
    let n = heap.size();
    for i in (0..n / 2).rev() {
        sift_up(heap, i, lt)?;
    }
    Ok(())
}

fn lt<T: PyOrd>(a: &T, b: &T) -> Result<bool> {
    a.py_lt(b)
}

/// `heapq.heappush(heap, item)`.
pub fn heappush<T: PyOrd>(heap: List<T>, item: T) -> Result<()> {
    heap.append(item)?;
    let last = heap.size().saturating_sub(1);
    sift_down(&mut heap.clone(), 0, last, &mut lt)
}

/// `heapq.heappop(heap)`.
pub fn heappop<T: PyOrd>(heap: List<T>) -> Result<T> {
    if heap.is_empty() {
        return err(&exc::IndexError, "index out of range");
    }
    let last = heap.pop(-1)?;
    if heap.is_empty() {
        return Ok(last);
    }
    let top = heap.get_item(0)?;
    heap.set_item(0, last)?;
    sift_up(&mut heap.clone(), 0, &mut lt)?;
    Ok(top)
}

/// `heapq.heapreplace(heap, item)`: pop, then push.
pub fn heapreplace<T: PyOrd>(heap: List<T>, item: T) -> Result<T> {
    if heap.is_empty() {
        return err(&exc::IndexError, "index out of range");
    }
    let top = heap.get_item(0)?;
    heap.set_item(0, item)?;
    sift_up(&mut heap.clone(), 0, &mut lt)?;
    Ok(top)
}

/// `heapq.heappushpop(heap, item)`: push, then pop.
pub fn heappushpop<T: PyOrd>(heap: List<T>, item: T) -> Result<T> {
    if heap.is_empty() {
        return Ok(item);
    }
    let top = heap.get_item(0)?;
    if !top.py_lt(&item)? {
        return Ok(item);
    }
    if heap.is_empty() {
        return err(&exc::IndexError, "index out of range");
    }
    let top = heap.get_item(0)?;
    heap.set_item(0, item)?;
    sift_up(&mut heap.clone(), 0, &mut lt)?;
    Ok(top)
}

/// `heapq.heapify(x)`.
pub fn heapify<T: PyOrd>(x: List<T>) -> Result<()> {
    heapify_with(&mut x.clone(), &mut lt)
}

/// `(key, order) < (key, order)` as CPython compares the decorated tuples: orders are unique.
fn pair_lt<K: PyOrd>(a: &(K, i64), b: &(K, i64)) -> Result<bool> {
    if a.0.py_eq(&b.0)? {
        Ok(a.1 < b.1)
    } else {
        a.0.py_lt(&b.0)
    }
}

/// `min(xs, key=key)` / `max(...)`: the first extreme item.
fn extreme<T: Clone, K: PyOrd>(
    xs: &[T],
    key: &mut impl FnMut(&T) -> Result<K>,
    largest: bool,
) -> Result<Option<T>> {
    let mut best: Option<(K, T)> = None;
    for x in xs {
        let k = key(x)?;
        let better = match &best {
            None => true,
            Some((bk, _)) if largest => k.py_gt(bk)?,
            Some((bk, _)) => k.py_lt(bk)?,
        };
        if better {
            best = Some((k, x.clone()));
        }
    }
    Ok(best.map(|(_, x)| x))
}

/// `sorted(xs, key=key, reverse=reverse)[:n]`.
fn sorted_prefix<T: Clone, K: PyOrd>(
    xs: Vec<T>,
    key: &mut impl FnMut(&T) -> Result<K>,
    reverse: bool,
    n: usize,
) -> Result<Vec<T>> {
    let mut pairs = Vec::with_capacity(xs.len());
    for x in xs {
        pairs.push((key(&x)?, x));
    }
    if reverse {
        pairs.reverse();
    }
    crate::value::py_sort(&mut pairs, |a, b| a.0.py_lt(&b.0))?;
    if reverse {
        pairs.reverse();
    }
    Ok(pairs.into_iter().take(n).map(|(_, x)| x).collect())
}

fn n_extreme<T: Clone, K: PyOrd>(
    n: i64,
    xs: Vec<T>,
    mut key: impl FnMut(&T) -> Result<K>,
    largest: bool,
) -> Result<List<T>> {
    if n == 1 {
        return Ok(List::from_vec(
            extreme(&xs, &mut key, largest)?.into_iter().collect(),
        ));
    }
    if n >= xs.len() as i64 {
        return Ok(List::from_vec(sorted_prefix(
            xs, &mut key, largest, n as usize,
        )?));
    }
    let take = n.max(0) as usize;
    let mut it = xs.into_iter();
    let mut heap: Vec<(K, i64, T)> = Vec::with_capacity(take);
    for i in 0..take {
        let Some(x) = it.next() else { break };
        let order = if largest { -(i as i64) } else { i as i64 };
        heap.push((key(&x)?, order, x));
    }
    if heap.is_empty() {
        return Ok(List::new());
    }
    // nsmallest keeps a max-heap (the comparison reversed), nlargest a min-heap.
    let mut cmp = |a: &(K, i64, T), b: &(K, i64, T)| {
        let (a, b) = if largest { (a, b) } else { (b, a) };
        pair_lt(&(a.0.clone(), a.1), &(b.0.clone(), b.1))
    };
    heapify_with(&mut heap, &mut cmp)?;
    let mut order = if largest { -n } else { n };
    for x in it {
        let k = key(&x)?;
        let top = &heap[0].0;
        let replace = if largest {
            top.py_lt(&k)?
        } else {
            k.py_lt(top)?
        };
        if replace {
            heap[0] = (k, order, x);
            sift_up(&mut heap, 0, &mut cmp)?;
            order += if largest { -1 } else { 1 };
        }
    }
    let mut decorated: Vec<(K, i64, T)> = heap;
    if largest {
        decorated.reverse();
    }
    crate::value::py_sort(&mut decorated, |a, b| {
        pair_lt(&(a.0.clone(), a.1), &(b.0.clone(), b.1))
    })?;
    if largest {
        decorated.reverse();
    }
    Ok(List::from_vec(
        decorated.into_iter().map(|(_, _, x)| x).collect(),
    ))
}

/// `heapq.nsmallest(n, iterable)`.
pub fn nsmallest<T: PyOrd>(n: i64, xs: List<T>) -> Result<List<T>> {
    n_extreme(n, xs.to_vec(), |x| Ok(x.clone()), false)
}

/// `heapq.nlargest(n, iterable)`.
pub fn nlargest<T: PyOrd>(n: i64, xs: List<T>) -> Result<List<T>> {
    n_extreme(n, xs.to_vec(), |x| Ok(x.clone()), true)
}

/// `heapq.nsmallest(n, iterable, key=key)`.
pub fn nsmallest_by<T: Clone, K: PyOrd>(
    n: i64,
    xs: List<T>,
    key: impl FnMut(&T) -> Result<K>,
) -> Result<List<T>> {
    n_extreme(n, xs.to_vec(), key, false)
}

/// `heapq.nlargest(n, iterable, key=key)`.
pub fn nlargest_by<T: Clone, K: PyOrd>(
    n: i64,
    xs: List<T>,
    key: impl FnMut(&T) -> Result<K>,
) -> Result<List<T>> {
    n_extreme(n, xs.to_vec(), key, true)
}

/// `list(heapq.merge(*iterables))` of sorted inputs: stable across inputs, as CPython's.
pub fn merge<T: PyOrd>(iterables: List<List<T>>, reverse: bool) -> Result<List<T>> {
    merge_by(iterables, |x: &T| Ok(x.clone()), reverse)
}

/// `list(heapq.merge(*iterables, key=key, reverse=reverse))`.
pub fn merge_by<T: Clone, K: PyOrd>(
    iterables: List<List<T>>,
    mut key: impl FnMut(&T) -> Result<K>,
    reverse: bool,
) -> Result<List<T>> {
    // heapq.merge keeps [key, order, value, iterator] entries; order breaks ties by input.
    let sources: Vec<Vec<T>> = iterables.to_vec().into_iter().map(|l| l.to_vec()).collect();
    let mut pos = vec![0usize; sources.len()];
    let mut heap: Vec<(K, i64, usize)> = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        if let Some(x) = s.first() {
            let order = if reverse { -(i as i64) } else { i as i64 };
            heap.push((key(x)?, order, i));
            pos[i] = 1;
        }
    }
    let mut cmp = |a: &(K, i64, usize), b: &(K, i64, usize)| {
        let (a, b) = if reverse { (b, a) } else { (a, b) };
        pair_lt(&(a.0.clone(), a.1), &(b.0.clone(), b.1))
    };
    heapify_with(&mut heap, &mut cmp)?;
    let mut out = Vec::new();
    while heap.size() > 1 {
        let i = heap[0].2;
        out.push(sources[i][pos[i] - 1].clone());
        if let Some(x) = sources[i].get(pos[i]) {
            heap[0].0 = key(x)?;
            pos[i] += 1;
            sift_up(&mut heap, 0, &mut cmp)?;
        } else {
            let last = heap.pop();
            if let (Some(last), false) = (last, heap.is_empty()) {
                heap[0] = last;
                sift_up(&mut heap, 0, &mut cmp)?;
            }
        }
    }
    // The last input is copied out as it is, without calling `key` (`yield from`).
    if let Some((_, _, i)) = heap.pop() {
        out.extend_from_slice(&sources[i][pos[i] - 1..]);
    }
    Ok(List::from_vec(out))
}
