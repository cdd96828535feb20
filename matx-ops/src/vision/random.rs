//! Random augmentations, seedable and reproducible whatever the thread count: `random_crop`, `random_resized_crop` (torchvision's `RandomResizedCrop` sampling) and `random_flip`.

use super::crop_flip::{crop_px, flip_code, flip_px};
use super::image::{array_arg, each, op_err, with_image, Rng};
use super::resample::{resize_box, Interp, Size};
use matx::{exc, Any, List, Result, Str};

/// `random_crop(images, size, seed=None)`: a window of `size` (an int for a square, or
/// `(height, width)`) at a uniformly drawn position. A window larger than the image is a
/// `ValueError`. With `seed`, image `i` of a list always gets the same window.
#[matx::op(name = "vision.random_crop")]
pub fn random_crop(images: Any, size: Any, seed: Option<i64>) -> Result<Any> {
    const OP: &str = "random_crop";
    let (ch, cw) = match Size::parse(OP, &size)? {
        Size::Shorter(s) => (s, s),
        Size::Exact(h, w) => (h, w),
    };
    each(OP, &images, |i, v| {
        let a = array_arg(OP, v)?;
        let mut rng = Rng::for_item(seed, i);
        let (img, g) = with_image(OP, &a, |px, (h, w, c, g)| {
            if ch > h || cw > w {
                return Err(op_err(
                    &exc::ValueError,
                    OP,
                    format!("crop of {ch}x{cw} is larger than the {h}x{w} image (height x width)"),
                ));
            }
            let y = rng.int(0, (h - ch) as i64);
            let x = rng.int(0, (w - cw) as i64);
            Ok((crop_px(OP, px, (h, w, c), (y, x, ch as i64, cw as i64))?, g))
        })?;
        Ok(Any::object(img.into_array(g)?))
    })
}

/// torchvision's `RandomResizedCrop.get_params`: `(top, left, height, width)` of the window.
pub fn rrc_window(
    rng: &mut Rng,
    h: usize,
    w: usize,
    scale: (f64, f64),
    ratio: (f64, f64),
) -> (i64, i64, i64, i64) {
    let (hf, wf) = (h as f64, w as f64);
    let area = hf * wf;
    let (lr0, lr1) = (ratio.0.ln(), ratio.1.ln());
    for _ in 0..10 {
        let target = area * rng.uniform(scale.0, scale.1);
        let aspect = rng.uniform(lr0, lr1).exp();
        let cw = (target * aspect).sqrt().round() as i64;
        let ch = (target / aspect).sqrt().round() as i64;
        if 0 < cw && cw <= w as i64 && 0 < ch && ch <= h as i64 {
            let top = rng.int(0, h as i64 - ch);
            let left = rng.int(0, w as i64 - cw);
            return (top, left, ch, cw);
        }
    }
    // Fallback: the central crop with the ratio clamped into range.
    let in_ratio = wf / hf;
    let (cw, ch) = if in_ratio < ratio.0 {
        (w as i64, (wf / ratio.0).round() as i64)
    } else if in_ratio > ratio.1 {
        ((hf * ratio.1).round() as i64, h as i64)
    } else {
        (w as i64, h as i64)
    };
    (
        (h as i64 - ch) / 2,
        (w as i64 - cw) / 2,
        ch.max(1),
        cw.max(1),
    )
}

fn pair(op: &str, name: &str, v: Option<List<f64>>, default: (f64, f64)) -> Result<(f64, f64)> {
    match v.map(|l| l.to_vec()) {
        None => Ok(default),
        Some(p) if p.len() == 2 && p[0] > 0.0 && p[0] <= p[1] && p[1].is_finite() => {
            Ok((p[0], p[1]))
        }
        Some(_) => Err(op_err(
            &exc::ValueError,
            op,
            format!("{name} must be (low, high) with 0 < low <= high"),
        )),
    }
}

/// `random_resized_crop(images, size, scale=(0.08, 1.0), ratio=(3/4, 4/3),
/// interp="bilinear", seed=None)`: a window of random area (a `scale` fraction of the
/// image) and aspect ratio (log-uniform in `ratio`), drawn as torchvision's
/// `RandomResizedCrop` draws it (10 tries, then the central crop), resized to `size` (an
/// int for a square, or `(height, width)`) with antialiasing. The window is resized
/// straight from the source (no intermediate crop).
#[matx::op(name = "vision.random_resized_crop")]
pub fn random_resized_crop(
    images: Any,
    size: Any,
    scale: Option<List<f64>>,
    ratio: Option<List<f64>>,
    interp: Option<Str>,
    seed: Option<i64>,
) -> Result<Any> {
    const OP: &str = "random_resized_crop";
    let (oh, ow) = match Size::parse(OP, &size)? {
        Size::Shorter(s) => (s, s),
        Size::Exact(h, w) => (h, w),
    };
    let scale = pair(OP, "scale", scale, (0.08, 1.0))?;
    let ratio = pair(OP, "ratio", ratio, (3.0 / 4.0, 4.0 / 3.0))?;
    let interp = Interp::parse(OP, interp.as_ref())?;
    each(OP, &images, |i, v| {
        let a = array_arg(OP, v)?;
        let mut rng = Rng::for_item(seed, i);
        let (img, g) = with_image(OP, &a, |px, (h, w, c, g)| {
            let (top, left, ch, cw) = rrc_window(&mut rng, h, w, scale, ratio);
            let boxed = (left as f64, top as f64, cw as f64, ch as f64);
            Ok((
                resize_box(OP, px, (h, w, c), boxed, (oh, ow), interp, true)?,
                g,
            ))
        })?;
        Ok(Any::object(img.into_array(g)?))
    })
}

/// `random_flip(images, p=0.5, flip_code=1, seed=None)`: each image mirrored (as `flip`)
/// with probability `p`, else returned as it is.
#[matx::op(name = "vision.random_flip")]
pub fn random_flip(
    images: Any,
    p: Option<f64>,
    flip_code: Option<i64>,
    seed: Option<i64>,
) -> Result<Any> {
    const OP: &str = "random_flip";
    let p = p.unwrap_or(0.5);
    if !(0.0..=1.0).contains(&p) {
        return Err(op_err(
            &exc::ValueError,
            OP,
            format!("p must be 0 to 1, got {p}"),
        ));
    }
    let code = self::flip_code(OP, flip_code)?;
    each(OP, &images, |i, v| {
        let a = array_arg(OP, v)?;
        let mut rng = Rng::for_item(seed, i);
        if rng.uniform(0.0, 1.0) >= p {
            // Not flipped: still checked, so bad input fails the same way either way.
            with_image(OP, &a, |_, _| Ok(()))?;
            return Ok(v.clone());
        }
        let (img, g) = with_image(OP, &a, |px, (h, w, c, g)| {
            Ok((flip_px(px, (h, w, c), code), g))
        })?;
        Ok(Any::object(img.into_array(g)?))
    })
}
