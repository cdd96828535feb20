//! Cropping, flipping and padding: `crop`, `center_crop`, `flip`, `pad` (constant, reflect, symmetric, replicate borders, as numpy's `pad` and OpenCV's `copyMakeBorder`).

use super::image::{array_arg, check_pixels, each, op_err, with_image, Image};
use super::resample::Size;
use matx::{exc, Any, Result, Str};

/// The `ch`×`cw` window at (`y`, `x`) of an `h`×`w` image; `ValueError` naming the op when
/// it is empty or reaches outside.
pub fn crop_px(
    op: &str,
    px: &[u8],
    (h, w, c): (usize, usize, usize),
    (y, x, ch, cw): (i64, i64, i64, i64),
) -> Result<Image> {
    if ch <= 0 || cw <= 0 {
        return Err(op_err(
            &exc::ValueError,
            op,
            format!("crop size must be positive, got {ch}x{cw} (height x width)"),
        ));
    }
    if y < 0 || x < 0 || y + ch > h as i64 || x + cw > w as i64 {
        return Err(op_err(
            &exc::ValueError,
            op,
            format!(
                "crop of {ch}x{cw} at (y={y}, x={x}) reaches outside the {h}x{w} image (height x width)"
            ),
        ));
    }
    let (y, x, ch, cw) = (y as usize, x as usize, ch as usize, cw as usize);
    let mut data = Vec::with_capacity(ch * cw * c);
    for r in y..y + ch {
        let s = (r * w + x) * c;
        data.extend_from_slice(&px[s..s + cw * c]);
    }
    Ok(Image {
        h: ch,
        w: cw,
        c,
        data,
    })
}

/// The offsets of a centred `ch`×`cw` window (torchvision's `int(round((h - ch) / 2))`,
/// Python's rounding: half to even).
pub fn center_offsets(h: usize, w: usize, ch: usize, cw: usize) -> (i64, i64) {
    let off = |n: usize, k: usize| ((n as f64 - k as f64) / 2.0).round_ties_even() as i64;
    (off(h, ch), off(w, cw))
}

/// `crop(images, x, y, width, height)`: the window whose top-left pixel is (`x`, `y`).
/// A window reaching outside the image is a `ValueError`.
#[matx::op(name = "vision.crop")]
pub fn crop(images: Any, x: i64, y: i64, width: i64, height: i64) -> Result<Any> {
    const OP: &str = "crop";
    each(OP, &images, |_, v| {
        let a = array_arg(OP, v)?;
        let (img, g) = with_image(OP, &a, |px, (h, w, c, g)| {
            Ok((crop_px(OP, px, (h, w, c), (y, x, height, width))?, g))
        })?;
        Ok(Any::object(img.into_array(g)?))
    })
}

/// `center_crop(images, size)`: the centred window of `size` (an int for a square, or
/// `(height, width)`), offsets rounded as torchvision's `CenterCrop`. A window larger than
/// the image is a `ValueError` (torchvision would pad: pad first with `pad`).
#[matx::op(name = "vision.center_crop")]
pub fn center_crop(images: Any, size: Any) -> Result<Any> {
    const OP: &str = "center_crop";
    let size = match Size::parse(OP, &size)? {
        Size::Shorter(s) => (s, s),
        Size::Exact(h, w) => (h, w),
    };
    each(OP, &images, |_, v| {
        let a = array_arg(OP, v)?;
        let (img, g) = with_image(OP, &a, |px, (h, w, c, g)| {
            let (y, x) = center_offsets(h, w, size.0, size.1);
            Ok((
                crop_px(OP, px, (h, w, c), (y, x, size.0 as i64, size.1 as i64))?,
                g,
            ))
        })?;
        Ok(Any::object(img.into_array(g)?))
    })
}

/// The image mirrored: `code` as OpenCV's `flip` (1 left-right, 0 top-bottom, -1 both).
pub fn flip_px(px: &[u8], (h, w, c): (usize, usize, usize), code: i64) -> Image {
    let mut data = Vec::with_capacity(px.len());
    let row = w * c;
    for r in 0..h {
        let sr = if code <= 0 { h - 1 - r } else { r };
        let src = &px[sr * row..(sr + 1) * row];
        if code == 0 {
            data.extend_from_slice(src);
        } else {
            for p in src.chunks_exact(c).rev() {
                data.extend_from_slice(p);
            }
        }
    }
    Image { h, w, c, data }
}

/// The flip code of an argument (`ValueError` unless 1, 0 or -1).
pub fn flip_code(op: &str, code: Option<i64>) -> Result<i64> {
    match code.unwrap_or(1) {
        c @ (-1..=1) => Ok(c),
        c => Err(op_err(
            &exc::ValueError,
            op,
            format!("flip_code must be 1 (left-right), 0 (top-bottom) or -1 (both), got {c}"),
        )),
    }
}

/// `flip(images, flip_code=1)`: mirrored left-right (1), top-bottom (0) or both (-1), as
/// OpenCV's `flip`.
#[matx::op(name = "vision.flip")]
pub fn flip(images: Any, flip_code: Option<i64>) -> Result<Any> {
    const OP: &str = "flip";
    let code = self::flip_code(OP, flip_code)?;
    each(OP, &images, |_, v| {
        let a = array_arg(OP, v)?;
        let (img, g) = with_image(OP, &a, |px, (h, w, c, g)| {
            Ok((flip_px(px, (h, w, c), code), g))
        })?;
        Ok(Any::object(img.into_array(g)?))
    })
}

/// A border rule.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Border {
    Constant,
    /// `dcb|abcd|cba` (numpy's `reflect`, OpenCV's `BORDER_REFLECT_101`).
    Reflect,
    /// `cba|abcd|dcb` (numpy's `symmetric`, OpenCV's `BORDER_REFLECT`).
    Symmetric,
    /// `aaa|abcd|ddd` (numpy's `edge`, OpenCV's `BORDER_REPLICATE`).
    Replicate,
}

/// The source index for position `i` (which may lie outside `0..n`) under `b`.
fn border_index(i: i64, n: i64, b: Border) -> i64 {
    match b {
        Border::Replicate | Border::Constant => i.clamp(0, n - 1),
        Border::Reflect => {
            if n == 1 {
                return 0;
            }
            let p = 2 * (n - 1);
            let m = i.rem_euclid(p);
            if m < n {
                m
            } else {
                p - m
            }
        }
        Border::Symmetric => {
            let p = 2 * n;
            let m = i.rem_euclid(p);
            if m < n {
                m
            } else {
                p - 1 - m
            }
        }
    }
}

/// `pad(images, top, bottom, left, right, mode="constant", value=0)`: borders added around
/// the image. `mode`: `"constant"` (every channel `value`, 0–255), `"reflect"` (mirrored
/// without repeating the edge), `"symmetric"` (mirrored with it) or `"replicate"` (the
/// edge pixel), as numpy's `pad` modes `constant`, `reflect`, `symmetric`, `edge`.
#[allow(clippy::too_many_arguments)]
#[matx::op(name = "vision.pad")]
pub fn pad(
    images: Any,
    top: i64,
    bottom: i64,
    left: i64,
    right: i64,
    mode: Option<Str>,
    value: Option<i64>,
) -> Result<Any> {
    const OP: &str = "pad";
    let border = match mode.as_ref().map(|s| s.as_str()) {
        None | Some("constant") => Border::Constant,
        Some("reflect") => Border::Reflect,
        Some("symmetric") => Border::Symmetric,
        Some("replicate" | "edge") => Border::Replicate,
        Some(other) => {
            return Err(op_err(
                &exc::ValueError,
                OP,
                format!(
                    "mode must be 'constant', 'reflect', 'symmetric' or 'replicate', got '{other}'"
                ),
            ))
        }
    };
    if top < 0 || bottom < 0 || left < 0 || right < 0 {
        return Err(op_err(&exc::ValueError, OP, "padding must not be negative"));
    }
    let value = value.unwrap_or(0);
    if !(0..=255).contains(&value) {
        return Err(op_err(
            &exc::ValueError,
            OP,
            format!("value must be 0 to 255, got {value}"),
        ));
    }
    each(OP, &images, |_, v| {
        let a = array_arg(OP, v)?;
        let (img, g) = with_image(OP, &a, |px, (h, w, c, g)| {
            let oh = (h as i64)
                .checked_add(top)
                .and_then(|n| n.checked_add(bottom));
            let ow = (w as i64)
                .checked_add(left)
                .and_then(|n| n.checked_add(right));
            let (Some(oh), Some(ow)) = (oh, ow) else {
                return Err(op_err(&exc::ValueError, OP, "padding too large"));
            };
            check_pixels(OP, oh as u64, ow as u64)?;
            let (oh, ow) = (oh as usize, ow as usize);
            let mut data = vec![value as u8; oh * ow * c];
            let cols: Vec<i64> = (0..ow as i64)
                .map(|x| border_index(x - left, w as i64, border))
                .collect();
            for y in 0..oh {
                let sy = y as i64 - top;
                if border == Border::Constant && (sy < 0 || sy >= h as i64) {
                    continue;
                }
                let sy = border_index(sy, h as i64, border) as usize;
                let src = &px[sy * w * c..(sy + 1) * w * c];
                let dst = &mut data[y * ow * c..(y + 1) * ow * c];
                for (x, &sx) in cols.iter().enumerate() {
                    let inside = (0..w as i64).contains(&(x as i64 - left));
                    if border == Border::Constant && !inside {
                        continue;
                    }
                    let s = sx as usize * c;
                    dst[x * c..x * c + c].copy_from_slice(&src[s..s + c]);
                }
            }
            Ok((
                Image {
                    h: oh,
                    w: ow,
                    c,
                    data,
                },
                g,
            ))
        })?;
        Ok(Any::object(img.into_array(g)?))
    })
}
