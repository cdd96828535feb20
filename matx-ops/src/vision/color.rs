//! Colour: `cvt_color` (channel order, gray, alpha, as OpenCV's `cvtColor`) and `color_jitter` (random brightness, contrast and saturation, as torchvision's `ColorJitter` without hue).

use super::image::{array_arg, each, op_err, with_image, Image, Rng};
use matx::{exc, Any, Result, Str};

/// OpenCV's gray from R, G, B (`0.299 R + 0.587 G + 0.114 B` in its 15-bit fixed point).
#[inline]
fn cv_gray(r: u8, g: u8, b: u8) -> u8 {
    ((r as u32 * 9798 + g as u32 * 19235 + b as u32 * 3735 + (1 << 14)) >> 15) as u8
}

/// `cvt_color(images, code)`: `code` as OpenCV's names it: `"RGB2BGR"`/`"BGR2RGB"`,
/// `"RGB2GRAY"`, `"BGR2GRAY"` (to `[h, w, 1]`), `"GRAY2RGB"`/`"GRAY2BGR"`, `"RGBA2RGB"`/
/// `"BGRA2BGR"` (alpha dropped), `"RGB2RGBA"`/`"BGR2BGRA"` (alpha 255), `"RGBA2BGRA"`/
/// `"BGRA2RGBA"`. The input's channel count must fit the code (`ValueError` otherwise).
#[matx::op(name = "vision.cvt_color")]
pub fn cvt_color(images: Any, code: Str) -> Result<Any> {
    const OP: &str = "cvt_color";
    type Conv = fn(&[u8], &mut Vec<u8>);
    let (cin, cout, f): (usize, usize, Conv) = match code.as_str() {
        "RGB2BGR" | "BGR2RGB" => (3, 3, |p, o| o.extend_from_slice(&[p[2], p[1], p[0]])),
        "RGB2GRAY" => (3, 1, |p, o| o.push(cv_gray(p[0], p[1], p[2]))),
        "BGR2GRAY" => (3, 1, |p, o| o.push(cv_gray(p[2], p[1], p[0]))),
        "GRAY2RGB" | "GRAY2BGR" => (1, 3, |p, o| o.extend_from_slice(&[p[0], p[0], p[0]])),
        "RGBA2RGB" | "BGRA2BGR" => (4, 3, |p, o| o.extend_from_slice(&p[..3])),
        "RGB2RGBA" | "BGR2BGRA" => (3, 4, |p, o| o.extend_from_slice(&[p[0], p[1], p[2], 255])),
        "RGBA2BGRA" | "BGRA2RGBA" => (4, 4, |p, o| o.extend_from_slice(&[p[2], p[1], p[0], p[3]])),
        other => {
            return Err(op_err(
                &exc::ValueError,
                OP,
                format!("unknown conversion '{other}'"),
            ))
        }
    };
    each(OP, &images, |_, v| {
        let a = array_arg(OP, v)?;
        let img = with_image(OP, &a, |px, (h, w, c, _)| {
            if c != cin {
                return Err(op_err(
                    &exc::ValueError,
                    OP,
                    format!("{code} takes {cin} channels, the image has {c}"),
                ));
            }
            let mut data = Vec::with_capacity(h * w * cout);
            for p in px.chunks_exact(c) {
                f(p, &mut data);
            }
            Ok(Image {
                h,
                w,
                c: cout,
                data,
            })
        })?;
        Ok(Any::object(img.into_array(false)?))
    })
}

/// A factor range: a number `f` means `[max(0, 1 - f), 1 + f]`, a pair `(lo, hi)` itself.
fn factor_range(op: &str, name: &str, v: &Option<Any>) -> Result<Option<(f64, f64)>> {
    let num = |a: &Any| match a {
        Any::Int(i) => Some(*i as f64),
        Any::Float(f) => Some(*f),
        _ => None,
    };
    let r = match v {
        None | Some(Any::None) => return Ok(None),
        Some(a) => match a {
            Any::List(_) | Any::Tuple(_) => {
                let items: Vec<Any> = match a {
                    Any::List(l) => l.to_vec(),
                    Any::Tuple(t) => t.to_vec(),
                    _ => Vec::new(),
                };
                match items.as_slice() {
                    [lo, hi] => num(lo).zip(num(hi)),
                    _ => None,
                }
            }
            x => num(x).map(|f| ((1.0 - f).max(0.0), 1.0 + f)),
        },
    };
    match r {
        Some((lo, hi)) if lo >= 0.0 && lo <= hi && hi.is_finite() => Ok(Some((lo, hi))),
        _ => Err(op_err(
            &exc::ValueError,
            op,
            format!(
                "{name} must be a non-negative number or a (low, high) pair with 0 <= low <= high"
            ),
        )),
    }
}

/// `x * f + y * (1 - f)`, clamped to 0–255 and truncated, as torchvision's uint8 `_blend`.
#[inline]
fn blend(x: f32, y: f32, f: f32) -> u8 {
    (x * f + y * (1.0 - f)).clamp(0.0, 255.0) as u8
}

/// Applies brightness, contrast then saturation factors (each `None` skipped) to an RGB
/// image, as torchvision's `adjust_*` functions compute them on uint8 tensors.
pub fn jitter(img: &mut Image, b: Option<f64>, ct: Option<f64>, s: Option<f64>) {
    let c = img.c;
    if let Some(f) = b {
        for x in img.data.iter_mut() {
            *x = blend(*x as f32, 0.0, f as f32);
        }
    }
    let gray_of = |p: &[u8]| -> f32 {
        if c >= 3 {
            cv_gray_f(p[0], p[1], p[2])
        } else {
            p[0] as f32
        }
    };
    if let Some(f) = ct {
        // torchvision: the mean of the grayscale image (as uint8 gray values).
        let n = (img.h * img.w) as f64;
        let sum: f64 = img
            .data
            .chunks_exact(c)
            .map(|p| gray_of(p).floor() as f64)
            .sum();
        let mean = (sum / n) as f32;
        for (i, x) in img.data.iter_mut().enumerate() {
            if c == 4 && i % 4 == 3 {
                continue;
            }
            *x = blend(*x as f32, mean, f as f32);
        }
    }
    if let (Some(f), true) = (s, c >= 3) {
        for p in img.data.chunks_exact_mut(c) {
            let g = gray_of(p).floor();
            for x in p.iter_mut().take(3) {
                *x = blend(*x as f32, g, f as f32);
            }
        }
    }
}

/// torchvision's `rgb_to_grayscale` on uint8 (`0.2989 R + 0.587 G + 0.114 B`), unrounded.
#[inline]
fn cv_gray_f(r: u8, g: u8, b: u8) -> f32 {
    0.2989 * r as f32 + 0.587 * g as f32 + 0.114 * b as f32
}

/// `color_jitter(images, brightness=None, contrast=None, saturation=None, seed=None)`:
/// each given factor is drawn uniformly from its range (a number `f` means
/// `[max(0, 1 - f), 1 + f]`, or a `(low, high)` pair) per image, then brightness, contrast
/// and saturation are adjusted in that order, as torchvision's `adjust_brightness`,
/// `adjust_contrast`, `adjust_saturation` on uint8 RGB. `seed` makes the draws
/// reproducible (image `i` of a list uses its own stream), whatever the thread count.
#[matx::op(name = "vision.color_jitter")]
pub fn color_jitter(
    images: Any,
    brightness: Option<Any>,
    contrast: Option<Any>,
    saturation: Option<Any>,
    seed: Option<i64>,
) -> Result<Any> {
    const OP: &str = "color_jitter";
    let b = factor_range(OP, "brightness", &brightness)?;
    let ct = factor_range(OP, "contrast", &contrast)?;
    let s = factor_range(OP, "saturation", &saturation)?;
    each(OP, &images, |i, v| {
        let a = array_arg(OP, v)?;
        let mut rng = Rng::for_item(seed, i);
        let mut draw = |r: Option<(f64, f64)>| r.map(|(lo, hi)| rng.uniform(lo, hi));
        let (fb, fc, fs) = (draw(b), draw(ct), draw(s));
        let (img, g) = with_image(OP, &a, |px, (h, w, c, g)| {
            let mut img = Image {
                h,
                w,
                c,
                data: px.to_vec(),
            };
            jitter(&mut img, fb, fc, fs);
            Ok((img, g))
        })?;
        Ok(Any::object(img.into_array(g)?))
    })
}
