//! The image value every vision op works on (HWC `uint8` pixels in one buffer), its conversion from and to `NDArray`, op-named errors, the one-or-a-list batch runner, and the seedable random source.

use matx::{exc, Any, Error, ExcType, List, NDArray, Result};
use rayon::prelude::*;

/// The most pixels an image may have, decoded or made by an op (a decompression bomb, a
/// tiny file declaring a huge image, is refused before any memory is taken): Pillow's own
/// error threshold, 2 × 89,478,485 (about 13,400 × 13,400).
pub const MAX_PIXELS: u64 = 178_956_970;

/// An HWC image of `u8` samples: `c` channels (1 gray, 3 RGB or BGR, 4 with alpha).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    pub h: usize,
    pub w: usize,
    pub c: usize,
    pub data: Vec<u8>,
}

impl Image {
    /// A zero image (refusing sizes over [`MAX_PIXELS`]).
    pub fn zeros(op: &str, h: usize, w: usize, c: usize) -> Result<Image> {
        check_pixels(op, h as u64, w as u64)?;
        Ok(Image {
            h,
            w,
            c,
            data: vec![0; h * w * c],
        })
    }

    /// The array `[h, w, c]` (`[h, w]` when `gray2d` and one channel), holding the buffer
    /// without a copy.
    pub fn into_array(self, gray2d: bool) -> Result<NDArray> {
        let (h, w, c) = (self.h as i64, self.w as i64, self.c as i64);
        if gray2d && c == 1 {
            NDArray::from_shape_vec(&[h, w], self.data)
        } else {
            NDArray::from_shape_vec(&[h, w, c], self.data)
        }
    }

    pub fn row(&self, y: usize) -> &[u8] {
        let n = self.w * self.c;
        &self.data[y * n..(y + 1) * n]
    }
}

/// `op: message` as an exception of `kind`.
pub fn op_err(kind: &'static ExcType, op: &str, msg: impl std::fmt::Display) -> Error {
    Error::new(kind, format!("{op}: {msg}"))
}

/// `ValueError` when `h × w` is zero-free but over [`MAX_PIXELS`].
pub fn check_pixels(op: &str, h: u64, w: u64) -> Result<()> {
    let px = h.saturating_mul(w);
    if px > MAX_PIXELS {
        return Err(op_err(
            &exc::ValueError,
            op,
            format!(
                "image of {w}x{h} = {px} pixels is over the limit of {MAX_PIXELS} pixels (a decompression bomb?)"
            ),
        ));
    }
    Ok(())
}

/// Runs `f` on a borrowed view of the image's pixels (no copy when the array's memory is
/// matx's own), with the image's `(h, w, c, gray2d)`.
pub fn with_image<R>(
    op: &str,
    a: &NDArray,
    f: impl FnOnce(&[u8], (usize, usize, usize, bool)) -> Result<R>,
) -> Result<R> {
    let dims = a.shape_ref();
    let (h, w, c, gray2d) = match *dims {
        [h, w] => (h, w, 1, true),
        [h, w, c] => (h, w, c, false),
        _ => {
            return Err(op_err(
                &exc::ValueError,
                op,
                format!(
                    "expected an image of shape [height, width] or [height, width, channels], got {} dimensions",
                    dims.len()
                ),
            ))
        }
    };
    if !matches!(c, 1 | 3 | 4) {
        return Err(op_err(
            &exc::ValueError,
            op,
            format!("expected 1, 3 or 4 channels, got {c}"),
        ));
    }
    if a.dtype() != matx::DType::UInt8 {
        return Err(op_err(
            &exc::TypeError,
            op,
            format!("expected a uint8 image, got dtype {}", a.dtype()),
        ));
    }
    if h == 0 || w == 0 {
        return Err(op_err(
            &exc::ValueError,
            op,
            format!("empty image ({h}x{w})"),
        ));
    }
    a.with_slice(|s: &[u8]| f(s, (h as usize, w as usize, c as usize, gray2d)))?
}

/// The array inside an argument, or `TypeError` naming the op.
pub fn array_arg(op: &str, v: &Any) -> Result<NDArray> {
    v.downcast::<NDArray>().ok_or_else(|| {
        op_err(
            &exc::TypeError,
            op,
            format!(
                "expected an NDArray image, got {}",
                matx::PyValue::py_type_name(v)
            ),
        )
    })
}

/// Runs `f` on one item, or on every item of a list in parallel (all cores; the calling
/// thread waits). A list gives a list of results in order. If items fail, the error of the
/// lowest failing index is raised, naming it (`resize: image 3: ...`), and no result is
/// returned: a batch is all or nothing.
pub fn each(op: &str, input: &Any, f: impl Fn(usize, &Any) -> Result<Any> + Sync) -> Result<Any> {
    match input {
        Any::List(l) => {
            let items = l.to_vec();
            let out: Vec<Result<Any>> =
                items.par_iter().enumerate().map(|(i, x)| f(i, x)).collect();
            let mut ok = Vec::with_capacity(out.len());
            for (i, r) in out.into_iter().enumerate() {
                match r {
                    Ok(v) => ok.push(v),
                    Err(e) => return Err(in_batch(e, op, i)),
                }
            }
            Ok(Any::List(List::from_vec(ok)))
        }
        x => f(0, x),
    }
}

/// `e` (whose message starts with `op: `) as the error of item `i` of a batch.
fn in_batch(e: Error, op: &str, i: usize) -> Error {
    let msg = e.message();
    let rest = msg
        .strip_prefix(op)
        .and_then(|m| m.strip_prefix(": "))
        .unwrap_or(msg);
    Error::new(e.kind(), format!("{op}: image {i}: {rest}"))
}

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same numbers on
/// every machine and thread count.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// The generator of item `index` of a call seeded with `seed`, or a fresh one from the
    /// process-wide sequence when no seed is given.
    pub fn for_item(seed: Option<i64>, index: usize) -> Rng {
        match seed {
            Some(s) => {
                let mut r = Rng((s as u64) ^ 0x9E37_79B9_7F4A_7C15);
                r.0 =
                    r.0.wrapping_add((index as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
                r.next_u64();
                r
            }
            None => Rng(fresh_seed()),
        }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[lo, hi)`.
    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        lo + (hi - lo) * u
    }

    /// Uniform integer in `lo..=hi`.
    pub fn int(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = (hi - lo) as u64 + 1;
        lo + (self.next_u64() % span) as i64
    }
}

/// A seed from the process-wide sequence (time-based start, one step per use).
fn fresh_seed() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let mut r = Rng(t ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    r.next_u64()
}
