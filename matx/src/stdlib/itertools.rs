//! `itertools`: lazy iterators with CPython's order of pulls and calls (a predicate or key runs
//! when the consumer asks for the next item), over any source iterator of `Result` items.

use crate::error::{err, exc, Error};
use crate::rt::{PyIter, TupleN};
use crate::value::PyValue;
use crate::Result;
use parking_lot::Mutex;
use std::sync::Arc;

/// A source: any iterator of fallible items that can move between threads.
pub trait Source<T>: Iterator<Item = Result<T>> + Send + 'static {}
impl<T, I: Iterator<Item = Result<T>> + Send + 'static> Source<T> for I {}

/// A function a script passes (a lambda, a nested function, a builtin).
pub type Fn1<A, R> = Arc<dyn Fn(A) -> Result<R> + Send + Sync>;
pub type Fn2<A, B, R> = Arc<dyn Fn(A, B) -> Result<R> + Send + Sync>;

/// Drains a source into a vector (the pools of `product`, `permutations`, ...).
fn collect<T>(it: impl Iterator<Item = Result<T>>) -> Result<Vec<T>> {
    it.collect()
}

/// `itertools.count(start, step)` over ints: an `OverflowError` past 64 bits.
pub fn count(start: i64, step: i64) -> PyIter<i64> {
    let mut next = Some(start);
    PyIter::new(
        std::iter::from_fn(move || {
            let cur = next?;
            next = cur.checked_add(step);
            Some(Ok(cur))
        })
        .chain(std::iter::once_with(|| Err(crate::ops::overflow()))),
    )
}

/// `itertools.count(start, step)` with a float start or step: repeated addition, as CPython.
pub fn count_float(start: f64, step: f64) -> PyIter<f64> {
    let mut cur = start;
    PyIter::new(std::iter::from_fn(move || {
        let r = cur;
        cur += step;
        Some(Ok(r))
    }))
}

/// `itertools.cycle(it)`: the first pass is saved, then repeated.
pub fn cycle<T: Clone + Send + 'static>(it: impl Source<T>) -> PyIter<T> {
    let mut src = Some(it);
    let mut saved: Vec<T> = Vec::new();
    let mut i = 0usize;
    PyIter::new(std::iter::from_fn(move || {
        if let Some(s) = src.as_mut() {
            match s.next() {
                Some(Ok(x)) => {
                    saved.push(x.clone());
                    return Some(Ok(x));
                }
                Some(Err(e)) => return Some(Err(e)),
                None => src = None,
            }
        }
        if saved.is_empty() {
            return None;
        }
        let x = saved[i % saved.len()].clone();
        i += 1;
        Some(Ok(x))
    }))
}

/// `itertools.repeat(x)` (forever) or `repeat(x, times)` (a negative count is zero).
pub fn repeat<T: Clone + Send + 'static>(x: T, times: Option<i64>) -> PyIter<T> {
    let mut left = times.map(|t| t.max(0));
    PyIter::new(std::iter::from_fn(move || {
        if let Some(n) = left.as_mut() {
            if *n == 0 {
                return None;
            }
            *n -= 1;
        }
        Some(Ok(x.clone()))
    }))
}

/// `itertools.accumulate(it, func, initial=initial)`; `func` is `+` of the items when the
/// script gives none.
pub fn accumulate<T: Clone + Send + 'static>(
    it: impl Source<T>,
    func: Fn2<T, T, T>,
    initial: Option<T>,
) -> PyIter<T> {
    let mut it = it;
    let mut total: Option<T> = None;
    let mut initial = initial;
    PyIter::new(std::iter::from_fn(move || {
        if let Some(x) = initial.take() {
            total = Some(x.clone());
            return Some(Ok(x));
        }
        let x = match it.next()? {
            Ok(x) => x,
            Err(e) => return Some(Err(e)),
        };
        let next = match total.take() {
            None => x,
            Some(t) => match func(t, x) {
                Ok(v) => v,
                Err(e) => return Some(Err(e)),
            },
        };
        total = Some(next.clone());
        Some(Ok(next))
    }))
}

/// `itertools.chain(*iterables)` (and `chain.from_iterable` of an iterable of sources).
pub fn chain<T: Send + 'static, I: Source<T>>(sources: impl Source<I>) -> PyIter<T> {
    let mut sources = sources;
    let mut cur: Option<I> = None;
    PyIter::new(std::iter::from_fn(move || loop {
        if let Some(c) = cur.as_mut() {
            match c.next() {
                Some(x) => return Some(x),
                None => cur = None,
            }
        }
        match sources.next()? {
            Ok(s) => cur = Some(s),
            Err(e) => return Some(Err(e)),
        }
    }))
}

/// `itertools.compress(data, selectors)`: stops at the shorter.
pub fn compress<T: Send + 'static, S: PyValue>(
    data: impl Source<T>,
    selectors: impl Source<S>,
) -> PyIter<T> {
    let (mut data, mut sel) = (data, selectors);
    PyIter::new(std::iter::from_fn(move || loop {
        let x = match data.next()? {
            Ok(x) => x,
            Err(e) => return Some(Err(e)),
        };
        let s = match sel.next()? {
            Ok(s) => s,
            Err(e) => return Some(Err(e)),
        };
        match s.py_bool() {
            Ok(true) => return Some(Ok(x)),
            Ok(false) => {}
            Err(e) => return Some(Err(e)),
        }
    }))
}

/// `itertools.dropwhile(pred, it)`.
pub fn dropwhile<T: Clone + Send + 'static>(pred: Fn1<T, bool>, it: impl Source<T>) -> PyIter<T> {
    let mut it = it;
    let mut dropping = true;
    PyIter::new(std::iter::from_fn(move || loop {
        let x = match it.next()? {
            Ok(x) => x,
            Err(e) => return Some(Err(e)),
        };
        if !dropping {
            return Some(Ok(x));
        }
        match pred(x.clone()) {
            Ok(true) => {}
            Ok(false) => {
                dropping = false;
                return Some(Ok(x));
            }
            Err(e) => return Some(Err(e)),
        }
    }))
}

/// `itertools.takewhile(pred, it)`: ends at the first item the predicate rejects (consumed).
pub fn takewhile<T: Clone + Send + 'static>(pred: Fn1<T, bool>, it: impl Source<T>) -> PyIter<T> {
    let mut it = Some(it);
    PyIter::new(std::iter::from_fn(move || {
        let x = match it.as_mut()?.next()? {
            Ok(x) => x,
            Err(e) => return Some(Err(e)),
        };
        match pred(x.clone()) {
            Ok(true) => Some(Ok(x)),
            Ok(false) => {
                it = None;
                None
            }
            Err(e) => Some(Err(e)),
        }
    }))
}

/// `itertools.filterfalse(pred, it)`.
pub fn filterfalse<T: Clone + Send + 'static>(pred: Fn1<T, bool>, it: impl Source<T>) -> PyIter<T> {
    let mut it = it;
    PyIter::new(std::iter::from_fn(move || loop {
        let x = match it.next()? {
            Ok(x) => x,
            Err(e) => return Some(Err(e)),
        };
        match pred(x.clone()) {
            Ok(false) => return Some(Ok(x)),
            Ok(true) => {}
            Err(e) => return Some(Err(e)),
        }
    }))
}

/// `itertools.starmap(f, it)` where `f` takes the tuple's fields (the compiler unpacks them).
pub fn starmap<T: Send + 'static, R: Send + 'static>(
    f: Fn1<T, R>,
    it: impl Source<T>,
) -> PyIter<R> {
    let mut it = it;
    PyIter::new(std::iter::from_fn(move || match it.next()? {
        Ok(x) => Some(f(x)),
        Err(e) => Some(Err(e)),
    }))
}

fn islice_arg(v: Option<i64>, what: &str) -> Result<Option<usize>> {
    match v {
        None => Ok(None),
        Some(x) if x >= 0 => Ok(Some(x as usize)),
        Some(_) => err(
            &exc::ValueError,
            format!("{what} for islice() must be None or an integer: 0 <= x <= sys.maxsize."),
        ),
    }
}

/// `itertools.islice(it, start, stop, step)` (`islice(it, stop)` is `start=None`).
pub fn islice<T: Send + 'static>(
    it: impl Source<T>,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> Result<PyIter<T>> {
    let stop = islice_arg(stop, "Stop argument")?;
    let start = islice_arg(start, "Indices")?.unwrap_or(0);
    let step = match step {
        None => 1,
        Some(s) if s >= 1 => s as usize,
        Some(_) => {
            return err(
                &exc::ValueError,
                "Step for islice() must be a positive integer or None.",
            )
        }
    };
    let mut it = Some(it);
    let mut pos = 0usize; // index of the next item the source gives
    let mut next = start;
    Ok(PyIter::new(std::iter::from_fn(move || {
        if stop.is_some_and(|s| next >= s) {
            // CPython still consumes up to `stop` before finishing.
            while stop.is_some_and(|s| pos < s) {
                match it.as_mut()?.next() {
                    Some(Ok(_)) => pos += 1,
                    Some(Err(e)) => return Some(Err(e)),
                    None => break,
                }
            }
            it = None;
            return None;
        }
        loop {
            let x = match it.as_mut()?.next() {
                Some(Ok(x)) => x,
                Some(Err(e)) => return Some(Err(e)),
                None => {
                    it = None;
                    return None;
                }
            };
            pos += 1;
            if pos - 1 == next {
                next = next.saturating_add(step);
                return Some(Ok(x));
            }
        }
    })))
}

/// `itertools.pairwise(it)`.
pub fn pairwise<T: Clone + Send + 'static>(it: impl Source<T>) -> PyIter<(T, T)> {
    let mut it = it;
    let mut prev: Option<T> = None;
    PyIter::new(std::iter::from_fn(move || {
        if prev.is_none() {
            match it.next()? {
                Ok(x) => prev = Some(x),
                Err(e) => return Some(Err(e)),
            }
        }
        let x = match it.next()? {
            Ok(x) => x,
            Err(e) => return Some(Err(e)),
        };
        let a = prev.replace(x.clone())?;
        Some(Ok((a, x)))
    }))
}

/// `itertools.zip_longest(a, b)`: the shorter side's missing items are None.
pub fn zip_longest2<A: Send + 'static, B: Send + 'static>(
    a: impl Source<A>,
    b: impl Source<B>,
) -> PyIter<(Option<A>, Option<B>)> {
    let (mut a, mut b) = (Some(a), Some(b));
    PyIter::new(std::iter::from_fn(move || {
        let x = pull(&mut a)?;
        let y = pull(&mut b)?;
        match (x, y) {
            (Ok(None), Ok(None)) => None,
            (Ok(x), Ok(y)) => Some(Ok((x, y))),
            (Err(e), _) | (_, Err(e)) => Some(Err(e)),
        }
    }))
}

/// The next item of a source still running (None once it ended, and from then on).
fn pull<T>(src: &mut Option<impl Iterator<Item = Result<T>>>) -> Option<Result<Option<T>>> {
    match src.as_mut() {
        None => Some(Ok(None)),
        Some(s) => match s.next() {
            Some(Ok(x)) => Some(Ok(Some(x))),
            Some(Err(e)) => Some(Err(e)),
            None => {
                *src = None;
                Some(Ok(None))
            }
        },
    }
}

/// `itertools.zip_longest(*iterables, fillvalue=fill)` over iterables of one item type.
pub fn zip_longest<T: Clone + Send + 'static, I: Source<T>>(
    sources: Vec<I>,
    fill: T,
) -> PyIter<TupleN<T>> {
    let mut srcs: Vec<Option<I>> = sources.into_iter().map(Some).collect();
    PyIter::new(std::iter::from_fn(move || {
        if srcs.is_empty() {
            return None;
        }
        let mut row = Vec::with_capacity(srcs.len());
        let mut live = false;
        for s in srcs.iter_mut() {
            match pull(s)? {
                Ok(Some(x)) => {
                    live = true;
                    row.push(x);
                }
                Ok(None) => row.push(fill.clone()),
                Err(e) => return Some(Err(e)),
            }
        }
        if !live {
            srcs.clear();
            return None;
        }
        Some(Ok(TupleN(Arc::from(row))))
    }))
}

/// Index vectors in lexicographic order: the engine of `product`.
fn odometer(sizes: Vec<usize>) -> impl Iterator<Item = Vec<usize>> + Send {
    let mut cur: Option<Vec<usize>> = if sizes.contains(&0) {
        None
    } else {
        Some(vec![0; sizes.len()])
    };
    std::iter::from_fn(move || {
        let out = cur.clone()?;
        let mut c = cur.take()?;
        let mut i = sizes.len();
        loop {
            if i == 0 {
                break;
            }
            i -= 1;
            c[i] += 1;
            if c[i] < sizes[i] {
                cur = Some(c);
                break;
            }
            c[i] = 0;
        }
        Some(out)
    })
}

/// `itertools.product(*pools, repeat=repeat)` over pools of one item type (each pool read in
/// full first, as CPython does).
pub fn product<T: Clone + Send + Sync + 'static>(
    pools: Vec<Vec<T>>,
    repeat: i64,
) -> Result<PyIter<TupleN<T>>> {
    if repeat < 0 {
        return err(&exc::ValueError, "repeat argument cannot be negative");
    }
    let mut all: Vec<Vec<T>> = Vec::new();
    for _ in 0..repeat {
        all.extend(pools.iter().cloned());
    }
    let sizes = all.iter().map(Vec::len).collect();
    Ok(PyIter::new(odometer(sizes).map(move |idx| {
        Ok(TupleN(
            idx.iter()
                .enumerate()
                .map(|(p, &i)| all[p][i].clone())
                .collect::<Vec<T>>()
                .into(),
        ))
    })))
}

/// `itertools.product(a, b)` of two pools of different item types.
pub fn product2<A: Clone + Send + Sync + 'static, B: Clone + Send + Sync + 'static>(
    a: impl Source<A>,
    b: impl Source<B>,
) -> Result<PyIter<(A, B)>> {
    let (a, b) = (collect(a)?, collect(b)?);
    Ok(PyIter::new(
        odometer(vec![a.len(), b.len()]).map(move |i| Ok((a[i[0]].clone(), b[i[1]].clone()))),
    ))
}

/// `itertools.product(a, b, c)`.
pub fn product3<A, B, C>(
    a: impl Source<A>,
    b: impl Source<B>,
    c: impl Source<C>,
) -> Result<PyIter<(A, B, C)>>
where
    A: Clone + Send + Sync + 'static,
    B: Clone + Send + Sync + 'static,
    C: Clone + Send + Sync + 'static,
{
    let (a, b, c) = (collect(a)?, collect(b)?, collect(c)?);
    Ok(PyIter::new(odometer(vec![a.len(), b.len(), c.len()]).map(
        move |i| Ok((a[i[0]].clone(), b[i[1]].clone(), c[i[2]].clone())),
    )))
}

fn r_arg(r: Option<i64>, n: usize) -> Result<usize> {
    match r {
        None => Ok(n),
        Some(r) if r < 0 => err(&exc::ValueError, "r must be non-negative"),
        Some(r) => Ok(r as usize),
    }
}

fn tuple_of<T: Clone>(pool: &[T], idx: &[usize]) -> TupleN<T> {
    TupleN(
        idx.iter()
            .map(|&i| pool[i].clone())
            .collect::<Vec<T>>()
            .into(),
    )
}

/// `itertools.permutations(it, r)`, in CPython's order.
pub fn permutations<T: Clone + Send + Sync + 'static>(
    it: impl Source<T>,
    r: Option<i64>,
) -> Result<PyIter<TupleN<T>>> {
    let pool = collect(it)?;
    let n = pool.len();
    let r = r_arg(r, n)?;
    let mut indices: Vec<usize> = (0..n).collect();
    let mut cycles: Vec<usize> = (0..r.min(n)).map(|i| n - i).collect();
    let mut first = true;
    let mut done = r > n;
    Ok(PyIter::new(std::iter::from_fn(move || {
        if done {
            return None;
        }
        if first {
            first = false;
            return Some(Ok(tuple_of(&pool, &indices[..r])));
        }
        for i in (0..r).rev() {
            cycles[i] -= 1;
            if cycles[i] == 0 {
                let x = indices.remove(i);
                indices.push(x);
                cycles[i] = n - i;
            } else {
                let j = cycles[i];
                indices.swap(i, n - j);
                return Some(Ok(tuple_of(&pool, &indices[..r])));
            }
        }
        done = true;
        None
    })))
}

/// `itertools.combinations(it, r)`.
pub fn combinations<T: Clone + Send + Sync + 'static>(
    it: impl Source<T>,
    r: i64,
) -> Result<PyIter<TupleN<T>>> {
    let pool = collect(it)?;
    let n = pool.len();
    let r = r_arg(Some(r), n)?;
    let mut indices: Vec<usize> = (0..r).collect();
    let mut first = true;
    let mut done = r > n;
    Ok(PyIter::new(std::iter::from_fn(move || {
        if done {
            return None;
        }
        if first {
            first = false;
            return Some(Ok(tuple_of(&pool, &indices)));
        }
        let mut i = r;
        loop {
            if i == 0 {
                done = true;
                return None;
            }
            i -= 1;
            if indices[i] != i + n - r {
                break;
            }
        }
        indices[i] += 1;
        for j in i + 1..r {
            indices[j] = indices[j - 1] + 1;
        }
        Some(Ok(tuple_of(&pool, &indices)))
    })))
}

/// `itertools.combinations_with_replacement(it, r)`.
pub fn combinations_with_replacement<T: Clone + Send + Sync + 'static>(
    it: impl Source<T>,
    r: i64,
) -> Result<PyIter<TupleN<T>>> {
    let pool = collect(it)?;
    let n = pool.len();
    let r = r_arg(Some(r), n)?;
    let mut indices: Vec<usize> = vec![0; r];
    let mut first = true;
    let mut done = n == 0 && r > 0;
    Ok(PyIter::new(std::iter::from_fn(move || {
        if done {
            return None;
        }
        if first {
            first = false;
            return Some(Ok(tuple_of(&pool, &indices)));
        }
        let mut i = r;
        loop {
            if i == 0 {
                done = true;
                return None;
            }
            i -= 1;
            if indices[i] != n - 1 {
                break;
            }
        }
        let v = indices[i] + 1;
        for x in indices[i..].iter_mut() {
            *x = v;
        }
        Some(Ok(tuple_of(&pool, &indices)))
    })))
}

/// The state `groupby` and its groups share.
struct Groups<T, K> {
    src: Option<Box<dyn Iterator<Item = Result<T>> + Send>>,
    key: Fn1<T, K>,
    tgt: Option<K>,
    cur_key: Option<K>,
    cur_value: Option<T>,
    /// The group currently allowed to yield (an older one is exhausted).
    group_id: u64,
}

type Shared<T, K> = Arc<Mutex<Groups<T, K>>>;

fn busy() -> Error {
    Error::new(&exc::ValueError, "generator already executing")
}

/// `groupby_step`: the next item and its key (no lock held while the source or key runs).
fn step<T: Clone, K>(g: &Shared<T, K>) -> Option<Result<()>> {
    let (mut src, key) = {
        let mut st = g.lock();
        match st.src.take() {
            Some(s) => (s, st.key.clone()),
            None => return Some(Err(busy())),
        }
    };
    let item = src.next();
    let res = match item {
        None => None,
        Some(Err(e)) => Some(Err(e)),
        Some(Ok(v)) => Some(key(v.clone()).map(|k| (v, k))),
    };
    let mut st = g.lock();
    st.src = Some(src);
    match res? {
        Ok((v, k)) => {
            st.cur_value = Some(v);
            st.cur_key = Some(k);
            Some(Ok(()))
        }
        Err(e) => Some(Err(e)),
    }
}

/// `itertools.groupby(it, key)`: (key, group) pairs; a group reads the shared source, and
/// moving to the next key ends the previous group, as CPython's groupers do.
pub fn groupby<T, K>(it: impl Source<T>, key: Fn1<T, K>) -> PyIter<(K, PyIter<T>)>
where
    T: Clone + Send + Sync + 'static,
    K: PyValue,
{
    let g: Shared<T, K> = Arc::new(Mutex::new(Groups {
        src: Some(Box::new(it)),
        key,
        tgt: None,
        cur_key: None,
        cur_value: None,
        group_id: 0,
    }));
    PyIter::new(std::iter::from_fn(move || {
        g.lock().group_id += 1;
        loop {
            let (cur, tgt) = {
                let st = g.lock();
                (st.cur_key.clone(), st.tgt.clone())
            };
            match (cur, tgt) {
                (None, _) => {}
                (Some(_), None) => break,
                (Some(c), Some(t)) => match t.py_eq(&c) {
                    Ok(false) => break,
                    Ok(true) => {}
                    Err(e) => return Some(Err(e)),
                },
            }
            if let Err(e) = step(&g)? {
                return Some(Err(e));
            }
        }
        let (k, id) = {
            let mut st = g.lock();
            st.tgt = st.cur_key.clone();
            (st.tgt.clone()?, st.group_id)
        };
        let gg = Arc::clone(&g);
        let tgt = k.clone();
        let group = PyIter::new(std::iter::from_fn(move || {
            if gg.lock().group_id != id {
                return None;
            }
            if gg.lock().cur_value.is_none() {
                if let Err(e) = step(&gg)? {
                    return Some(Err(e));
                }
            }
            let cur = gg.lock().cur_key.clone()?;
            match tgt.py_eq(&cur) {
                Ok(true) => gg.lock().cur_value.take().map(Ok),
                Ok(false) => None,
                Err(e) => Some(Err(e)),
            }
        }));
        Some(Ok((k, group)))
    }))
}

/// `itertools.tee(it, n)`: `n` iterators over one source, each seeing every item.
pub fn tee<T: Clone + Send + Sync + 'static>(it: impl Source<T>, n: i64) -> Result<Vec<PyIter<T>>> {
    if n < 0 {
        return err(&exc::ValueError, "n must be >= 0");
    }
    struct Buf<T> {
        src: Option<Box<dyn Iterator<Item = Result<T>> + Send>>,
        items: Vec<T>,
        ended: bool,
    }
    let buf = Arc::new(Mutex::new(Buf {
        src: Some(Box::new(it)),
        items: Vec::new(),
        ended: false,
    }));
    Ok((0..n)
        .map(|_| {
            let buf = Arc::clone(&buf);
            let mut i = 0usize;
            PyIter::new(std::iter::from_fn(move || {
                {
                    let b = buf.lock();
                    if let Some(x) = b.items.get(i) {
                        i += 1;
                        return Some(Ok(x.clone()));
                    }
                    if b.ended {
                        return None;
                    }
                }
                let mut src = match buf.lock().src.take() {
                    Some(s) => s,
                    None => return Some(Err(busy())),
                };
                let item = src.next();
                let mut b = buf.lock();
                b.src = Some(src);
                match item {
                    None => {
                        b.ended = true;
                        None
                    }
                    Some(Err(e)) => Some(Err(e)),
                    Some(Ok(x)) => {
                        b.items.push(x.clone());
                        i += 1;
                        Some(Ok(x))
                    }
                }
            }))
        })
        .collect())
}
