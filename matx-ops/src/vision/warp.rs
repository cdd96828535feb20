//! Affine warps: `warp_affine` (a 2×3 matrix, as OpenCV's `warpAffine`) and `rotate` (about a centre, as `getRotationMatrix2D` + `warpAffine`), bilinear or nearest, constant border.

use super::image::{array_arg, check_pixels, each, op_err, with_image, Image};
use super::resample::Size;
use matx::{exc, Any, List, Result, Str};

/// Sub-pixel positions are quantised to 1/32 pixel, as OpenCV's `INTER_BITS`.
const TAB: f64 = 32.0;

/// Warps `px` by the inverse map `inv` (output (x, y) samples source `inv · (x, y, 1)`).
fn warp_px(
    px: &[u8],
    (h, w, c): (usize, usize, usize),
    inv: [f64; 6],
    (oh, ow): (usize, usize),
    nearest: bool,
    border: u8,
) -> Image {
    let mut data = vec![border; oh * ow * c];
    let at = |x: i64, y: i64, ch: usize| -> f64 {
        if x < 0 || y < 0 || x >= w as i64 || y >= h as i64 {
            border as f64
        } else {
            px[(y as usize * w + x as usize) * c + ch] as f64
        }
    };
    for y in 0..oh {
        for x in 0..ow {
            let (xf, yf) = (x as f64, y as f64);
            let sx = inv[0] * xf + inv[1] * yf + inv[2];
            let sy = inv[3] * xf + inv[4] * yf + inv[5];
            let d = (y * ow + x) * c;
            if nearest {
                let (ix, iy) = (sx.round() as i64, sy.round() as i64);
                for ch in 0..c {
                    data[d + ch] = at(ix, iy, ch) as u8;
                }
                continue;
            }
            let (qx, qy) = ((sx * TAB).round(), (sy * TAB).round());
            let (x0, y0) = ((qx / TAB).floor() as i64, (qy / TAB).floor() as i64);
            let (fx, fy) = ((qx - x0 as f64 * TAB) / TAB, (qy - y0 as f64 * TAB) / TAB);
            if x0 < -1 || y0 < -1 || x0 >= w as i64 || y0 >= h as i64 {
                continue;
            }
            for ch in 0..c {
                let v = at(x0, y0, ch) * (1.0 - fx) * (1.0 - fy)
                    + at(x0 + 1, y0, ch) * fx * (1.0 - fy)
                    + at(x0, y0 + 1, ch) * (1.0 - fx) * fy
                    + at(x0 + 1, y0 + 1, ch) * fx * fy;
                data[d + ch] = v.round().clamp(0.0, 255.0) as u8;
            }
        }
    }
    Image {
        h: oh,
        w: ow,
        c,
        data,
    }
}

/// The inverse of the affine map `m` (`ValueError` when singular).
fn invert(op: &str, m: [f64; 6]) -> Result<[f64; 6]> {
    let det = m[0] * m[4] - m[1] * m[3];
    if det == 0.0 || !det.is_finite() {
        return Err(op_err(&exc::ValueError, op, "the matrix is not invertible"));
    }
    let (a, b, c, d) = (m[4] / det, -m[1] / det, -m[3] / det, m[0] / det);
    Ok([a, b, -(a * m[2] + b * m[5]), c, d, -(c * m[2] + d * m[5])])
}

fn parse_interp(op: &str, s: Option<&Str>) -> Result<bool> {
    match s.map(|s| s.as_str()) {
        None | Some("bilinear") => Ok(false),
        Some("nearest") => Ok(true),
        Some(other) => Err(op_err(
            &exc::ValueError,
            op,
            format!("interp must be 'bilinear' or 'nearest', got '{other}'"),
        )),
    }
}

fn parse_border(op: &str, v: Option<i64>) -> Result<u8> {
    match v.unwrap_or(0) {
        b @ 0..=255 => Ok(b as u8),
        b => Err(op_err(
            &exc::ValueError,
            op,
            format!("border_value must be 0 to 255, got {b}"),
        )),
    }
}

fn warp_all(
    op: &'static str,
    images: &Any,
    m: [f64; 6],
    size: Option<Size>,
    nearest: bool,
    border: u8,
) -> Result<Any> {
    let inv = invert(op, m)?;
    each(op, images, |_, v| {
        let a = array_arg(op, v)?;
        let (img, g) = with_image(op, &a, |px, (h, w, c, g)| {
            let (oh, ow) = match size {
                Some(Size::Exact(oh, ow)) => (oh, ow),
                Some(Size::Shorter(s)) => (s, s),
                None => (h, w),
            };
            check_pixels(op, oh as u64, ow as u64)?;
            Ok((warp_px(px, (h, w, c), inv, (oh, ow), nearest, border), g))
        })?;
        Ok(Any::object(img.into_array(g)?))
    })
}

/// `warp_affine(images, matrix, size=None, interp="bilinear", border_value=0)`: output
/// pixel (x, y) is the source at `matrix⁻¹ · (x, y, 1)`, `matrix` the 2×3 forward map as
/// six numbers in row order (OpenCV's `warpAffine` with `BORDER_CONSTANT`). `size` is the
/// output `(height, width)` (the input's by default).
#[matx::op(name = "vision.warp_affine")]
pub fn warp_affine(
    images: Any,
    matrix: List<f64>,
    size: Option<Any>,
    interp: Option<Str>,
    border_value: Option<i64>,
) -> Result<Any> {
    const OP: &str = "warp_affine";
    let m: [f64; 6] = matrix.to_vec().try_into().map_err(|_| {
        op_err(
            &exc::ValueError,
            OP,
            "matrix must have 6 numbers (2 rows of 3)",
        )
    })?;
    let size = size.map(|s| Size::parse(OP, &s)).transpose()?;
    warp_all(
        OP,
        &images,
        m,
        size,
        parse_interp(OP, interp.as_ref())?,
        parse_border(OP, border_value)?,
    )
}

/// `rotate(images, angle, center=None, scale=1.0, interp="bilinear", border_value=0)`:
/// turned `angle` degrees counter-clockwise about `center` (`(x, y)`, by default the
/// image's middle `((w - 1) / 2, (h - 1) / 2)`) and scaled by `scale`, keeping the size, as
/// OpenCV's `getRotationMatrix2D` + `warpAffine`.
#[matx::op(name = "vision.rotate")]
pub fn rotate(
    images: Any,
    angle: f64,
    center: Option<List<f64>>,
    scale: Option<f64>,
    interp: Option<Str>,
    border_value: Option<i64>,
) -> Result<Any> {
    const OP: &str = "rotate";
    let nearest = parse_interp(OP, interp.as_ref())?;
    let border = parse_border(OP, border_value)?;
    let center = match center.map(|c| c.to_vec()) {
        None => None,
        Some(v) if v.len() == 2 => Some((v[0], v[1])),
        Some(_) => return Err(op_err(&exc::ValueError, OP, "center must be (x, y)")),
    };
    let s = scale.unwrap_or(1.0);
    let rad = angle.to_radians();
    let (al, be) = (s * rad.cos(), s * rad.sin());
    let matrix = |cx: f64, cy: f64| {
        [
            al,
            be,
            (1.0 - al) * cx - be * cy,
            -be,
            al,
            be * cx + (1.0 - al) * cy,
        ]
    };
    match center {
        Some((cx, cy)) => warp_all(OP, &images, matrix(cx, cy), None, nearest, border),
        // The default centre depends on each image's size.
        None => each(OP, &images, |_, v| {
            let a = array_arg(OP, v)?;
            let dims = a.shape_ref();
            let (h, w) = match dims {
                [h, w] | [h, w, _] => (*h as f64, *w as f64),
                _ => (1.0, 1.0),
            };
            let one = warp_all(
                OP,
                v,
                matrix((w - 1.0) / 2.0, (h - 1.0) / 2.0),
                None,
                nearest,
                border,
            )?;
            Ok(one)
        }),
    }
}
