//! `random`: CPython's generator (MT19937, seeded as CPython seeds it) and its methods, drawing
//! the same numbers in the same order, so a seeded augmentation gives CPython's exact results.

mod mt;
mod sha512;

use self::mt::Mt;
use crate::error::{err, exc, Error};
use crate::value::{hash_float, Any, Bytes, List, PyValue, Str};
use crate::Result;
use parking_lot::Mutex;
use std::sync::{Arc, OnceLock};

/// A seed, as `random.seed` accepts it.
#[derive(Clone, Debug)]
pub enum Seed {
    /// `seed()` / `seed(None)`: from the operating system's entropy.
    None,
    Int(i64),
    Float(f64),
    Str(Str),
    Bytes(Bytes),
}

impl Seed {
    /// A seed held in an `Any` (`TypeError` for types CPython rejects).
    pub fn from_any(a: &Any) -> Result<Seed> {
        Ok(match a {
            Any::None => Seed::None,
            Any::Bool(b) => Seed::Int(i64::from(*b)),
            Any::Int(i) => Seed::Int(*i),
            Any::Float(f) => Seed::Float(*f),
            Any::Str(s) => Seed::Str(s.clone()),
            Any::Bytes(b) => Seed::Bytes(b.clone()),
            _ => return err(
                &exc::TypeError,
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
            ),
        })
    }

    fn generator(&self) -> Mt {
        match self {
            Seed::None => Mt::from_le_bytes(&entropy()),
            Seed::Int(i) => Mt::from_int(*i),
            // CPython seeds by other objects' hash, read as an unsigned machine word.
            Seed::Float(f) => Mt::from_le_bytes(&(hash_float(*f) as u64).to_le_bytes()),
            Seed::Str(s) => Mt::from_bytes(s.as_str().as_bytes()),
            Seed::Bytes(b) => Mt::from_bytes(b.as_bytes()),
        }
    }
}

impl From<i64> for Seed {
    fn from(i: i64) -> Self {
        Seed::Int(i)
    }
}

/// 128 bits from the process's randomly keyed hasher, the clock and a counter.
fn entropy() -> Vec<u8> {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut out = Vec::with_capacity(16);
    for salt in 0..2u64 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(salt);
        h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        if let Ok(d) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
            h.write_u128(d.as_nanos());
        }
        out.extend_from_slice(&h.finish().to_le_bytes());
    }
    out
}

struct State {
    mt: Mt,
    gauss_next: Option<f64>,
}

/// A `random.Random` instance. Clones share one generator (as Python names share one object);
/// every method locks it for the duration of one draw.
#[derive(Clone)]
pub struct Random(Arc<Mutex<State>>);

const TWOPI: f64 = 2.0 * std::f64::consts::PI;

impl Random {
    /// `random.Random(seed)`.
    pub fn new(seed: Seed) -> Random {
        Random(Arc::new(Mutex::new(State {
            mt: seed.generator(),
            gauss_next: None,
        })))
    }

    /// `seed(a)`.
    pub fn seed(&self, seed: Seed) {
        let mt = seed.generator();
        let mut st = self.0.lock();
        st.mt = mt;
        st.gauss_next = None;
    }

    /// `random()`: a float in [0, 1).
    pub fn random(&self) -> f64 {
        self.0.lock().mt.random()
    }

    /// `getrandbits(k)`: an int of `k` random bits (an `OverflowError` when it does not fit
    /// 64 bits, as every int of the dialect).
    pub fn getrandbits(&self, k: i64) -> Result<i64> {
        if k < 0 {
            return err(&exc::ValueError, "number of bits must be non-negative");
        }
        let mut st = self.0.lock();
        if k <= 63 {
            return Ok(st.mt.bits(k as u32) as i64);
        }
        // Draw every word CPython draws, least significant first.
        let mut left = k;
        let mut value: u64 = 0;
        let mut overflow = false;
        let mut shift = 0u32;
        while left > 0 {
            let mut r = st.mt.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            if shift < 64 {
                value |= u64::from(r) << shift;
            } else if r != 0 {
                overflow = true;
            }
            shift = shift.saturating_add(32);
            left -= 32;
        }
        if overflow || value > i64::MAX as u64 {
            return err(
                &exc::OverflowError,
                "getrandbits() result does not fit in a 64-bit int",
            );
        }
        Ok(value as i64)
    }

    /// `_randbelow(n)` for `n > 0`: `getrandbits(n.bit_length())` until it is below `n`.
    pub fn randbelow(&self, n: u64) -> u64 {
        let k = 64 - n.leading_zeros();
        let mut st = self.0.lock();
        loop {
            let r = st.mt.bits(k);
            if r < n {
                return r;
            }
        }
    }

    /// `randrange(start, stop=None, step=1)`.
    pub fn randrange(&self, start: i64, stop: Option<i64>, step: Option<i64>) -> Result<i64> {
        let Some(stop) = stop else {
            if step.is_some() {
                return err(&exc::TypeError, "Missing a non-None stop argument");
            }
            if start > 0 {
                return Ok(self.randbelow(start as u64) as i64);
            }
            return err(&exc::ValueError, "empty range for randrange()");
        };
        let (istart, istop) = (i128::from(start), i128::from(stop));
        let width = istop - istart;
        let istep = i128::from(step.unwrap_or(1));
        if istep == 1 {
            if width > 0 {
                return Ok((istart + i128::from(self.randbelow(width as u64))) as i64);
            }
            return err(
                &exc::ValueError,
                format!("empty range for randrange() ({istart}, {istop}, {width})"),
            );
        }
        let n = if istep > 0 {
            (width + istep - 1).div_euclid(istep)
        } else if istep < 0 {
            floor_div(width + istep + 1, istep)
        } else {
            return err(&exc::ValueError, "zero step for randrange()");
        };
        if n <= 0 {
            return err(&exc::ValueError, "empty range for randrange()");
        }
        Ok((istart + istep * i128::from(self.randbelow(n as u64))) as i64)
    }

    /// `randint(a, b)`: `randrange(a, b + 1)`.
    pub fn randint(&self, a: i64, b: i64) -> Result<i64> {
        let stop = b.checked_add(1).ok_or_else(int_overflow)?;
        self.randrange(a, Some(stop), None)
    }

    /// The index `choice` picks in a sequence of `len` items.
    pub fn choice_index(&self, len: usize) -> Result<usize> {
        if len == 0 {
            return err(&exc::IndexError, "Cannot choose from an empty sequence");
        }
        Ok(self.randbelow(len as u64) as usize)
    }

    /// `choice(seq)` of a list.
    pub fn choice<T: Clone>(&self, seq: &List<T>) -> Result<T> {
        let i = self.choice_index(seq.len())?;
        seq.get_item(i as i64)
    }

    /// `choice(s)` of a str: one character.
    pub fn choice_str(&self, s: &Str) -> Result<Str> {
        let i = self.choice_index(s.len())?;
        s.get_item(i as i64)
    }

    /// `shuffle(x)`: in place, the swaps CPython makes.
    pub fn shuffle<T: Clone>(&self, x: &List<T>) -> Result<()> {
        let n = x.len();
        for i in (1..n).rev() {
            let j = self.randbelow(i as u64 + 1) as i64;
            let (a, b) = (x.get_item(i as i64)?, x.get_item(j)?);
            x.set_item(i as i64, b)?;
            x.set_item(j, a)?;
        }
        Ok(())
    }

    /// The positions `sample(population, k)` selects from a population of `n`, in order.
    pub fn sample_indices(&self, n: usize, k: i64) -> Result<Vec<usize>> {
        if k < 0 || k as u64 > n as u64 {
            return err(
                &exc::ValueError,
                "Sample larger than population or is negative",
            );
        }
        let k = k as usize;
        let mut setsize = 21usize;
        if k > 5 {
            let e = ((k as f64 * 3.0).ln() / 4f64.ln()).ceil() as u32;
            setsize += 4usize.saturating_pow(e);
        }
        let mut out = Vec::with_capacity(k);
        if n <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow((n - i) as u64) as usize;
                out.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow(n as u64) as usize;
                while selected.contains(&j) {
                    j = self.randbelow(n as u64) as usize;
                }
                selected.insert(j);
                out.push(j);
            }
        }
        Ok(out)
    }

    /// `sample(population, k)` of a list.
    pub fn sample<T: Clone>(&self, population: &List<T>, k: i64) -> Result<List<T>> {
        let items = population.to_vec();
        let idx = self.sample_indices(items.len(), k)?;
        Ok(List::from_vec(
            idx.into_iter().map(|i| items[i].clone()).collect(),
        ))
    }

    /// `sample(population, k, counts=counts)`: positions in the population.
    pub fn sample_counts_indices(&self, n: usize, counts: &[i64], k: i64) -> Result<Vec<usize>> {
        let mut cum = Vec::with_capacity(counts.len());
        let mut total: i64 = 0;
        for c in counts {
            total = total.checked_add(*c).ok_or_else(int_overflow)?;
            cum.push(total);
        }
        if cum.len() != n {
            return err(
                &exc::ValueError,
                "The number of counts does not match the population",
            );
        }
        let total = cum.pop().unwrap_or(0);
        if total <= 0 {
            return err(
                &exc::ValueError,
                "Total of counts must be greater than zero",
            );
        }
        let picks = self.sample_indices(total as usize, k)?;
        Ok(picks
            .into_iter()
            .map(|s| cum.partition_point(|&c| c <= s as i64))
            .collect())
    }

    /// The positions `choices(population, weights, cum_weights=..., k=k)` picks.
    pub fn choices_indices(
        &self,
        n: usize,
        weights: Option<Vec<f64>>,
        cum_weights: Option<Vec<f64>>,
        k: i64,
    ) -> Result<Vec<usize>> {
        let k = k.max(0) as usize;
        let cum = match (weights, cum_weights) {
            (None, None) => {
                let nf = n as f64;
                let mut out = Vec::with_capacity(k);
                for _ in 0..k {
                    let i = (self.random() * nf).floor() as usize;
                    if i >= n {
                        return err(&exc::IndexError, "list index out of range");
                    }
                    out.push(i);
                }
                return Ok(out);
            }
            (Some(_), Some(_)) => {
                return err(
                    &exc::TypeError,
                    "Cannot specify both weights and cumulative weights",
                )
            }
            (Some(w), None) => {
                let mut acc = 0.0;
                w.iter()
                    .enumerate()
                    .map(|(i, x)| {
                        acc = if i == 0 { *x } else { acc + x };
                        acc
                    })
                    .collect::<Vec<f64>>()
            }
            (None, Some(c)) => c,
        };
        if cum.len() != n {
            return err(
                &exc::ValueError,
                "The number of weights does not match the population",
            );
        }
        let total = cum.last().copied().unwrap_or(0.0) + 0.0;
        if total <= 0.0 {
            return err(
                &exc::ValueError,
                "Total of weights must be greater than zero",
            );
        }
        if !total.is_finite() {
            return err(&exc::ValueError, "Total of weights must be finite");
        }
        let hi = n - 1;
        let mut out = Vec::with_capacity(k);
        for _ in 0..k {
            let x = self.random() * total;
            // bisect_right: the first position whose weight `x < w` holds for (NaN-faithful).
            out.push(
                cum[..hi].partition_point(|c| x.partial_cmp(c) != Some(std::cmp::Ordering::Less)),
            );
        }
        Ok(out)
    }

    /// `uniform(a, b)`.
    pub fn uniform(&self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `triangular(low, high, mode)`.
    pub fn triangular(&self, low: f64, high: f64, mode: Option<f64>) -> f64 {
        let mut u = self.random();
        let c = match mode {
            None => 0.5,
            Some(m) => {
                if high - low == 0.0 {
                    return low;
                }
                (m - low) / (high - low)
            }
        };
        let (mut low, mut high, mut c) = (low, high, c);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        low + (high - low) * (u * c).sqrt()
    }

    /// `normalvariate(mu, sigma)` (Kinderman and Monahan).
    pub fn normalvariate(&self, mu: f64, sigma: f64) -> f64 {
        let nv_magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = nv_magic * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }

    /// `gauss(mu, sigma)`: pairs of values, the second kept for the next call.
    pub fn gauss(&self, mu: f64, sigma: f64) -> f64 {
        let mut st = self.0.lock();
        let z = match st.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = st.mt.random() * TWOPI;
                let g2rad = (-2.0 * (1.0 - st.mt.random()).ln()).sqrt();
                st.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }

    /// `lognormvariate(mu, sigma)`.
    pub fn lognormvariate(&self, mu: f64, sigma: f64) -> Result<f64> {
        crate::math::exp(self.normalvariate(mu, sigma))
    }

    /// `expovariate(lambd)`.
    pub fn expovariate(&self, lambd: f64) -> Result<f64> {
        let x = -(1.0 - self.random()).ln();
        crate::ops::truediv_float(x, lambd)
    }

    /// `vonmisesvariate(mu, kappa)`.
    pub fn vonmisesvariate(&self, mu: f64, kappa: f64) -> Result<f64> {
        if kappa <= 1e-6 {
            return Ok(TWOPI * self.random());
        }
        let s = 0.5 / kappa;
        let r = s + (1.0 + s * s).sqrt();
        let z = loop {
            let u1 = self.random();
            let z = (std::f64::consts::PI * u1).cos();
            let d = z / (r + z);
            let u2 = self.random();
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * d.exp() {
                break z;
            }
        };
        let q = 1.0 / r;
        let f = (q + z) / (1.0 + q * z);
        let u3 = self.random();
        let a = crate::math::acos(f)?;
        crate::ops::mod_float(if u3 > 0.5 { mu + a } else { mu - a }, TWOPI)
    }

    /// `gammavariate(alpha, beta)`.
    pub fn gammavariate(&self, alpha: f64, beta: f64) -> Result<f64> {
        if alpha <= 0.0 || beta <= 0.0 {
            return err(
                &exc::ValueError,
                "gammavariate: alpha and beta must be > 0.0",
            );
        }
        if alpha > 1.0 {
            let ainv = (2.0 * alpha - 1.0).sqrt();
            let bbb = alpha - 4f64.ln();
            let ccc = alpha + ainv;
            let sg_magic = 1.0 + 4.5f64.ln();
            loop {
                let u1 = self.random();
                if !(1e-7 < u1 && u1 < 0.9999999) {
                    continue;
                }
                let u2 = 1.0 - self.random();
                let v = (u1 / (1.0 - u1)).ln() / ainv;
                let x = alpha * v.exp();
                let z = u1 * u1 * u2;
                let r = bbb + ccc * v - x;
                if r + sg_magic - 4.5 * z >= 0.0 || r >= z.ln() {
                    return Ok(x * beta);
                }
            }
        } else if alpha == 1.0 {
            Ok(-(1.0 - self.random()).ln() * beta)
        } else {
            let e = std::f64::consts::E;
            loop {
                let u = self.random();
                let b = (e + alpha) / e;
                let p = b * u;
                let x = if p <= 1.0 {
                    p.powf(1.0 / alpha)
                } else {
                    -((b - p) / alpha).ln()
                };
                let u1 = self.random();
                if p > 1.0 {
                    if u1 <= x.powf(alpha - 1.0) {
                        return Ok(x * beta);
                    }
                } else if u1 <= (-x).exp() {
                    return Ok(x * beta);
                }
            }
        }
    }

    /// `betavariate(alpha, beta)`.
    pub fn betavariate(&self, alpha: f64, beta: f64) -> Result<f64> {
        let y = self.gammavariate(alpha, 1.0)?;
        if y != 0.0 {
            return Ok(y / (y + self.gammavariate(beta, 1.0)?));
        }
        Ok(0.0)
    }

    /// `paretovariate(alpha)`.
    pub fn paretovariate(&self, alpha: f64) -> Result<f64> {
        let u = 1.0 - self.random();
        crate::builtins::pow_float(u, crate::ops::truediv_float(-1.0, alpha)?)
    }

    /// `weibullvariate(alpha, beta)`.
    pub fn weibullvariate(&self, alpha: f64, beta: f64) -> Result<f64> {
        let u = 1.0 - self.random();
        Ok(alpha * crate::builtins::pow_float(-u.ln(), crate::ops::truediv_float(1.0, beta)?)?)
    }

    /// `randbytes(n)`.
    pub fn randbytes(&self, n: i64) -> Result<Bytes> {
        if n < 0 {
            return err(&exc::ValueError, "negative argument not allowed");
        }
        let mut st = self.0.lock();
        let n = n as usize;
        let mut out = Vec::with_capacity(n + 4);
        let mut left = n * 8;
        while left > 0 {
            let mut r = st.mt.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.extend_from_slice(&r.to_le_bytes());
            left = left.saturating_sub(32);
        }
        out.truncate(n);
        Ok(Bytes::new(&out))
    }
}

fn floor_div(a: i128, b: i128) -> i128 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

fn int_overflow() -> Error {
    Error::new(
        &exc::OverflowError,
        "Python int too large to convert to C long",
    )
}

/// The module's own generator, behind `random.random()` and the other module functions,
/// seeded from entropy at first use as CPython's is at import.
pub fn global() -> &'static Random {
    static G: OnceLock<Random> = OnceLock::new();
    G.get_or_init(|| Random::new(Seed::None))
}

impl PyValue for Random {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        out.push_str(&format!(
            "<random.Random object at {:#x}>",
            Arc::as_ptr(&self.0) as *const () as usize
        ));
        Ok(())
    }
    fn py_eq(&self, other: &Self) -> Result<bool> {
        Ok(Arc::ptr_eq(&self.0, &other.0))
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(true)
    }
    fn py_type_name(&self) -> &'static str {
        "Random"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_draws_match_cpython() {
        // python3 -c "import random; random.seed(42); print(repr(random.random()), random.getrandbits(32))"
        let r = Random::new(Seed::Int(42));
        assert_eq!(r.random().to_string(), "0.6394267984578837");
        assert_eq!(r.getrandbits(32).unwrap(), 107_420_369);
    }
}
