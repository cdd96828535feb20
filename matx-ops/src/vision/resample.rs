//! The `resize` op: to a shorter side or an exact size, by nearest, bilinear, bicubic, area or Lanczos sampling, antialiased when shrinking (as Pillow and torchvision v2) or not (OpenCV's `INTER_LINEAR`), through `fast_image_resize`'s SIMD kernels.

use super::image::{array_arg, check_pixels, each, op_err, with_image, Image};
use fast_image_resize as fr;
use matx::{exc, Any, Result, Str};
use std::cell::RefCell;

/// A sampling method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interp {
    Nearest,
    Bilinear,
    Bicubic,
    /// Averages the covered source pixels (Pillow's box filter; OpenCV's `INTER_AREA` when
    /// shrinking by whole factors).
    Area,
    Lanczos,
}

impl Interp {
    pub fn parse(op: &str, s: Option<&Str>) -> Result<Interp> {
        Ok(match s.map(|s| s.as_str()) {
            None | Some("bilinear") => Interp::Bilinear,
            Some("nearest") => Interp::Nearest,
            Some("bicubic") => Interp::Bicubic,
            Some("area") => Interp::Area,
            Some("lanczos") => Interp::Lanczos,
            Some(other) => {
                return Err(op_err(
                    &exc::ValueError,
                    op,
                    format!("interp must be 'nearest', 'bilinear', 'bicubic', 'area' or 'lanczos', got '{other}'"),
                ))
            }
        })
    }

    fn alg(self, antialias: bool) -> fr::ResizeAlg {
        let f = match self {
            Interp::Nearest => return fr::ResizeAlg::Nearest,
            Interp::Bilinear => fr::FilterType::Bilinear,
            Interp::Bicubic => fr::FilterType::CatmullRom,
            Interp::Area => return fr::ResizeAlg::Convolution(fr::FilterType::Box),
            Interp::Lanczos => fr::FilterType::Lanczos3,
        };
        if antialias {
            fr::ResizeAlg::Convolution(f)
        } else {
            fr::ResizeAlg::Interpolation(f)
        }
    }
}

/// A requested size: the shorter side (the longer scaled to keep the aspect ratio,
/// truncated as torchvision does), or an exact `(height, width)`.
#[derive(Clone, Copy, Debug)]
pub enum Size {
    Shorter(usize),
    Exact(usize, usize),
}

impl Size {
    /// An int, or a list or tuple of two ints `(height, width)`.
    pub fn parse(op: &str, v: &Any) -> Result<Size> {
        let bad = || {
            op_err(
                &exc::TypeError,
                op,
                "size must be an int (the shorter side) or (height, width)",
            )
        };
        let pos = |n: i64| -> Result<usize> {
            if n <= 0 {
                return Err(op_err(
                    &exc::ValueError,
                    op,
                    format!("size must be positive, got {n}"),
                ));
            }
            Ok(n as usize)
        };
        match v {
            Any::Int(n) => Ok(Size::Shorter(pos(*n)?)),
            Any::List(_) | Any::Tuple(_) => {
                let items: Vec<Any> = match v {
                    Any::List(l) => l.to_vec(),
                    Any::Tuple(t) => t.to_vec(),
                    _ => unreachable!(),
                };
                match items.as_slice() {
                    [Any::Int(h), Any::Int(w)] => Ok(Size::Exact(pos(*h)?, pos(*w)?)),
                    [Any::Int(s)] => Ok(Size::Shorter(pos(*s)?)),
                    _ => Err(bad()),
                }
            }
            _ => Err(bad()),
        }
    }

    /// The output `(height, width)` for an `h`×`w` input.
    pub fn of(self, h: usize, w: usize) -> (usize, usize) {
        match self {
            Size::Exact(oh, ow) => (oh, ow),
            Size::Shorter(s) if h <= w => (s, ((s as u64 * w as u64) / h as u64).max(1) as usize),
            Size::Shorter(s) => (((s as u64 * h as u64) / w as u64).max(1) as usize, s),
        }
    }
}

fn pixel_type(op: &str, c: usize) -> Result<fr::PixelType> {
    Ok(match c {
        1 => fr::PixelType::U8,
        2 => fr::PixelType::U8x2,
        3 => fr::PixelType::U8x3,
        4 => fr::PixelType::U8x4,
        _ => {
            return Err(op_err(
                &exc::ValueError,
                op,
                format!("cannot resize {c} channels"),
            ))
        }
    })
}

thread_local! {
    /// Each thread's resizer (it keeps scratch buffers between calls).
    static RESIZER: RefCell<fr::Resizer> = RefCell::new(fr::Resizer::new());
}

/// Resizes the `src_box` (left, top, width, height; fractional) part of an `h`×`w` image
/// of `c` channels to `oh`×`ow`. Pixels around the box feed the filter as they would when
/// resizing the whole image: resizing a box equals cropping the resized whole.
#[allow(clippy::too_many_arguments)]
pub fn resize_box(
    op: &str,
    px: &[u8],
    (h, w, c): (usize, usize, usize),
    src_box: (f64, f64, f64, f64),
    (oh, ow): (usize, usize),
    interp: Interp,
    antialias: bool,
) -> Result<Image> {
    check_pixels(op, oh as u64, ow as u64)?;
    let pt = pixel_type(op, c)?;
    let fail = |e: &dyn std::fmt::Display| op_err(&exc::ValueError, op, e);
    let src = fr::images::ImageRef::new(w as u32, h as u32, px, pt).map_err(|e| fail(&e))?;
    let mut dst = fr::images::Image::new(ow as u32, oh as u32, pt);
    let (l, t, bw, bh) = src_box;
    let opts = fr::ResizeOptions::new()
        .resize_alg(interp.alg(antialias))
        .crop(l, t, bw, bh);
    RESIZER
        .with(|r| r.borrow_mut().resize(&src, &mut dst, &opts))
        .map_err(|e| fail(&e))?;
    Ok(Image {
        h: oh,
        w: ow,
        c,
        data: dst.into_vec(),
    })
}

/// `resize(images, size, interp="bilinear", antialias=True)`: `uint8` images (`[h, w]` or
/// `[h, w, c]`, c in 1, 3, 4) to a new size. `size` is an int (the shorter side becomes
/// `size`, the longer keeps the aspect ratio, truncated as torchvision computes it) or
/// `(height, width)`. `interp`: `"nearest"`, `"bilinear"`, `"bicubic"` (Catmull-Rom, as
/// Pillow), `"area"` (box averaging) or `"lanczos"`. `antialias=True` widens the filter
/// when shrinking (Pillow, torchvision v2); `False` samples as OpenCV's `INTER_LINEAR` /
/// `INTER_CUBIC`. RGBA is resized with premultiplied alpha, as Pillow does.
#[matx::op(name = "vision.resize")]
pub fn resize(images: Any, size: Any, interp: Option<Str>, antialias: Option<bool>) -> Result<Any> {
    const OP: &str = "resize";
    let size = Size::parse(OP, &size)?;
    let interp = Interp::parse(OP, interp.as_ref())?;
    let aa = antialias.unwrap_or(true);
    each(OP, &images, |_, v| {
        let a = array_arg(OP, v)?;
        let (img, gray2d) = with_image(OP, &a, |px, (h, w, c, g)| {
            let (oh, ow) = size.of(h, w);
            Ok((
                resize_box(
                    OP,
                    px,
                    (h, w, c),
                    (0.0, 0.0, w as f64, h as f64),
                    (oh, ow),
                    interp,
                    aa,
                )?,
                g,
            ))
        })?;
        Ok(Any::object(img.into_array(gray2d)?))
    })
}
