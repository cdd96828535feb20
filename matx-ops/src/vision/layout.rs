//! Pixel values and memory layout: `normalize` (to `float32`), `transpose` (HWC to CHW), `cast`, the fused `transpose_normalize` (`uint8` HWC to normalised `float32` CHW in one pass), and `stack` (a list into one `[N, ...]` array).

use super::image::{array_arg, each, op_err, with_image};
use matx::ndarray::NativeType;
use matx::{exc, Any, DType, List, NDArray, Result, Str};
use rayon::prelude::*;

/// Per-channel `(scale / std, mean / std)`, so `out = x * a - b` (one multiply-add a sample).
fn coefficients(
    op: &str,
    mean: &List<f64>,
    std: &List<f64>,
    scale: Option<f64>,
    c: usize,
) -> Result<Vec<(f32, f32)>> {
    let (m, s) = (mean.to_vec(), std.to_vec());
    let pick = |v: &[f64], name: &str, i: usize| -> Result<f64> {
        match v.len() {
            1 => Ok(v[0]),
            n if n == c => Ok(v[i]),
            n => Err(op_err(
                &exc::ValueError,
                op,
                format!("{name} has {n} values for an image of {c} channels"),
            )),
        }
    };
    let scale = scale.unwrap_or(1.0);
    (0..c)
        .map(|i| {
            let (mi, si) = (pick(&m, "mean", i)?, pick(&s, "std", i)?);
            if si == 0.0 || !si.is_finite() {
                return Err(op_err(
                    &exc::ValueError,
                    op,
                    format!("std must be non-zero and finite, got {si}"),
                ));
            }
            Ok(((scale / si) as f32, (mi / si) as f32))
        })
        .collect()
}

/// `normalize(images, mean, std, scale=1.0)`: `uint8` images to `float32`,
/// `(x * scale - mean[c]) / std[c]` per channel, layout kept (HWC). `mean` and `std` have
/// one value per channel (or one for all). ImageNet: `mean=[123.675, 116.28, 103.53],
/// std=[58.395, 57.12, 57.375]`, or the 0–1 values with `scale=1/255`.
#[matx::op(name = "vision.normalize")]
pub fn normalize(images: Any, mean: List<f64>, std: List<f64>, scale: Option<f64>) -> Result<Any> {
    const OP: &str = "normalize";
    each(OP, &images, |_, v| {
        let a = array_arg(OP, v)?;
        let out = with_image(OP, &a, |px, (h, w, c, g)| {
            let k = coefficients(OP, &mean, &std, scale, c)?;
            let mut out = Vec::with_capacity(px.len());
            for p in px.chunks_exact(c) {
                for (x, &(m, b)) in p.iter().zip(&k) {
                    out.push(*x as f32 * m - b);
                }
            }
            let shape: Vec<i64> = if g {
                vec![h as i64, w as i64]
            } else {
                vec![h as i64, w as i64, c as i64]
            };
            NDArray::from_shape_vec(&shape, out)
        })?;
        Ok(Any::object(out))
    })
}

/// `transpose_normalize(images, mean, std, scale=1.0)`: `uint8` HWC images straight to
/// normalised `float32` CHW (`[c, h, w]`), `(x * scale - mean[c]) / std[c]`, in one pass:
/// what `normalize` then `transpose` compute, without the intermediate array.
#[matx::op(name = "vision.transpose_normalize")]
pub fn transpose_normalize(
    images: Any,
    mean: List<f64>,
    std: List<f64>,
    scale: Option<f64>,
) -> Result<Any> {
    const OP: &str = "transpose_normalize";
    each(OP, &images, |_, v| {
        let a = array_arg(OP, v)?;
        let out = with_image(OP, &a, |px, (h, w, c, _)| {
            let k = coefficients(OP, &mean, &std, scale, c)?;
            let mut out = vec![0f32; h * w * c];
            transpose_normalize_into(px, c, &k, &mut out);
            NDArray::from_shape_vec(&[c as i64, h as i64, w as i64], out)
        })?;
        Ok(Any::object(out))
    })
}

/// Writes the CHW normalised planes of HWC `px` into `out` (`h * w * c` floats).
pub fn transpose_normalize_into(px: &[u8], c: usize, k: &[(f32, f32)], out: &mut [f32]) {
    let n = px.len() / c;
    if c == 3 {
        let (p0, rest) = out.split_at_mut(n);
        let (p1, p2) = rest.split_at_mut(n);
        let ((m0, b0), (m1, b1), (m2, b2)) = (k[0], k[1], k[2]);
        for (i, p) in px.chunks_exact(3).enumerate() {
            p0[i] = p[0] as f32 * m0 - b0;
            p1[i] = p[1] as f32 * m1 - b1;
            p2[i] = p[2] as f32 * m2 - b2;
        }
        return;
    }
    for (ch, &(m, b)) in k.iter().enumerate() {
        let plane = &mut out[ch * n..(ch + 1) * n];
        for (i, o) in plane.iter_mut().enumerate() {
            *o = px[i * c + ch] as f32 * m - b;
        }
    }
}

/// The CHW copy of an HWC array of any dtype.
fn hwc_to_chw<T: NativeType>(a: &NDArray, h: usize, w: usize, c: usize) -> Result<NDArray> {
    a.with_slice(|s: &[T]| {
        let zero = T::from_bytes([0; 8]);
        let mut out = vec![zero; s.len()];
        let n = h * w;
        for (i, p) in s.chunks_exact(c).enumerate() {
            for (ch, &x) in p.iter().enumerate() {
                out[ch * n + i] = x;
            }
        }
        out
    })
    .and_then(|out| NDArray::from_shape_vec(&[c as i64, h as i64, w as i64], out))
}

/// `transpose(images)`: `[h, w, c]` arrays (uint8 or float32) to `[c, h, w]`, copied into
/// C order (what torch models take).
#[matx::op(name = "vision.transpose")]
pub fn transpose(images: Any) -> Result<Any> {
    const OP: &str = "transpose";
    each(OP, &images, |_, v| {
        let a = array_arg(OP, v)?;
        let [h, w, c] = *a.shape_ref() else {
            return Err(op_err(
                &exc::ValueError,
                OP,
                format!(
                    "expected a [height, width, channels] array, got {} dimensions",
                    a.ndim()
                ),
            ));
        };
        let (h, w, c) = (h as usize, w as usize, c as usize);
        let out = match a.dtype() {
            DType::UInt8 => hwc_to_chw::<u8>(&a, h, w, c)?,
            DType::Float32 => hwc_to_chw::<f32>(&a, h, w, c)?,
            d => {
                return Err(op_err(
                    &exc::TypeError,
                    OP,
                    format!("expected uint8 or float32, got dtype {d}"),
                ))
            }
        };
        Ok(Any::object(out))
    })
}

/// `cast(images, dtype, alpha=1.0, beta=0.0)`: `x * alpha + beta` as `dtype` (`"uint8"` or
/// `"float32"`), as OpenCV's `convertTo`: to `uint8` rounds half to even and saturates to
/// 0–255. Any layout; the input is uint8 or float32.
#[matx::op(name = "vision.cast")]
pub fn cast(images: Any, dtype: Str, alpha: Option<f64>, beta: Option<f64>) -> Result<Any> {
    const OP: &str = "cast";
    let to = match dtype.as_str() {
        "uint8" => DType::UInt8,
        "float32" => DType::Float32,
        other => {
            return Err(op_err(
                &exc::ValueError,
                OP,
                format!("dtype must be 'uint8' or 'float32', got '{other}'"),
            ))
        }
    };
    let (al, be) = (alpha.unwrap_or(1.0), beta.unwrap_or(0.0));
    each(OP, &images, |_, v| {
        let a = array_arg(OP, v)?;
        let shape = a.shape();
        let vals: Vec<f64> = match a.dtype() {
            DType::UInt8 => {
                a.with_slice(|s: &[u8]| s.iter().map(|&x| x as f64 * al + be).collect())?
            }
            DType::Float32 => {
                a.with_slice(|s: &[f32]| s.iter().map(|&x| x as f64 * al + be).collect())?
            }
            d => {
                return Err(op_err(
                    &exc::TypeError,
                    OP,
                    format!("expected uint8 or float32, got dtype {d}"),
                ))
            }
        };
        let out = if to == DType::UInt8 {
            let v: Vec<u8> = vals
                .iter()
                .map(|&x| {
                    if x.is_nan() {
                        0
                    } else {
                        x.round_ties_even().clamp(0.0, 255.0) as u8
                    }
                })
                .collect();
            NDArray::from_shape_vec(&shape, v)?
        } else {
            let v: Vec<f32> = vals.iter().map(|&x| x as f32).collect();
            NDArray::from_shape_vec(&shape, v)?
        };
        Ok(Any::object(out))
    })
}

/// One `[N, ...]` array of `T` from arrays of equal shape, filled on all cores.
fn stack_t<T: NativeType>(arrs: &[NDArray], shape: &[i64]) -> Result<NDArray> {
    let per: usize = shape.iter().product::<i64>() as usize;
    let zero = T::from_bytes([0; 8]);
    let mut out = vec![zero; per * arrs.len()];
    if per > 0 {
        out.par_chunks_mut(per)
            .zip(arrs.par_iter())
            .try_for_each(|(dst, a)| a.with_slice(|s: &[T]| dst.copy_from_slice(s)))?;
    }
    let mut full = vec![arrs.len() as i64];
    full.extend_from_slice(shape);
    NDArray::from_shape_vec(&full, out)
}

/// `stack(images)`: a list of arrays of one shape and dtype as one C-contiguous
/// `[N, ...]` array (`[N, C, H, W]` from CHW images), which `torch.from_numpy` /
/// `torch.from_dlpack` take without a copy.
#[matx::op(name = "vision.stack")]
pub fn stack(images: List<Any>) -> Result<NDArray> {
    const OP: &str = "stack";
    let items = images.to_vec();
    let arrs: Vec<NDArray> = items
        .iter()
        .enumerate()
        .map(|(i, v)| {
            array_arg(OP, v).map_err(|e| {
                op_err(
                    e.kind(),
                    OP,
                    format!("image {i}: {}", e.message().trim_start_matches("stack: ")),
                )
            })
        })
        .collect::<Result<_>>()?;
    let Some(first) = arrs.first() else {
        return Err(op_err(&exc::ValueError, OP, "need at least one array"));
    };
    let (shape, dtype) = (first.shape(), first.dtype());
    for (i, a) in arrs.iter().enumerate() {
        if a.shape_ref() != shape.as_slice() || a.dtype() != dtype {
            return Err(op_err(
                &exc::ValueError,
                OP,
                format!(
                    "image {i} has shape {:?} and dtype {}, image 0 has {:?} and {}: all must match",
                    a.shape_ref(),
                    a.dtype(),
                    shape,
                    dtype
                ),
            ));
        }
    }
    match dtype {
        DType::UInt8 => stack_t::<u8>(&arrs, &shape),
        DType::Float32 => stack_t::<f32>(&arrs, &shape),
        DType::Float64 => stack_t::<f64>(&arrs, &shape),
        DType::Int32 => stack_t::<i32>(&arrs, &shape),
        DType::Int64 => stack_t::<i64>(&arrs, &shape),
        d => Err(op_err(
            &exc::TypeError,
            OP,
            format!("cannot stack dtype {d}"),
        )),
    }
}
