//! The `decode` and `encode` ops: JPEG and PNG bytes to HWC `uint8` images (RGB, BGR, gray or unchanged; EXIF orientation on request; JPEG decoded at 1/2, 1/4 or 1/8 size when the caller only needs a smaller image) and back.

use super::image::{each, op_err, with_image, Image};
use super::{exif, jpeg, png_codec};
use matx::{exc, Any, Bytes, Result, Str};

/// The channel layout asked for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    Rgb,
    Bgr,
    Gray,
    /// The file's own channels: gray, gray + alpha, RGB or RGBA.
    Unchanged,
}

impl Mode {
    pub fn parse(op: &str, m: Option<&Str>) -> Result<Mode> {
        Ok(match m.map(|s| s.as_str()) {
            None | Some("RGB") => Mode::Rgb,
            Some("BGR") => Mode::Bgr,
            Some("GRAY") => Mode::Gray,
            Some("UNCHANGED") => Mode::Unchanged,
            Some(other) => {
                return Err(op_err(
                    &exc::ValueError,
                    op,
                    format!("mode must be 'RGB', 'BGR', 'GRAY' or 'UNCHANGED', got '{other}'"),
                ))
            }
        })
    }
}

/// Pillow's luma (ITU-R 601-2, `L = R*299/1000 + G*587/1000 + B*114/1000`, rounded).
#[inline]
pub fn luma(r: u8, g: u8, b: u8) -> u8 {
    ((r as u32 * 19595 + g as u32 * 38470 + b as u32 * 7471 + 0x8000) >> 16) as u8
}

/// `img` (1–4 channels as a PNG gives them, RGB order) in layout `mode`.
fn convert(img: Image, mode: Mode) -> Image {
    let (h, w, c) = (img.h, img.w, img.c);
    let px = |f: &dyn Fn(&[u8], &mut Vec<u8>), oc: usize| {
        let mut out = Vec::with_capacity(h * w * oc);
        for p in img.data.chunks_exact(c) {
            f(p, &mut out);
        }
        Image {
            h,
            w,
            c: oc,
            data: out,
        }
    };
    match (mode, c) {
        (Mode::Unchanged, _) | (Mode::Rgb, 3) | (Mode::Gray, 1) => img,
        (Mode::Rgb, 1 | 2) => px(&|p, o| o.extend_from_slice(&[p[0], p[0], p[0]]), 3),
        (Mode::Rgb, _) => px(&|p, o| o.extend_from_slice(&p[..3]), 3),
        (Mode::Bgr, 1 | 2) => px(&|p, o| o.extend_from_slice(&[p[0], p[0], p[0]]), 3),
        (Mode::Bgr, _) => px(&|p, o| o.extend_from_slice(&[p[2], p[1], p[0]]), 3),
        (Mode::Gray, 2) => px(&|p, o| o.push(p[0]), 1),
        (Mode::Gray, _) => px(&|p, o| o.push(luma(p[0], p[1], p[2])), 1),
    }
}

/// The largest JPEG reduction (1, 2, 4 or 8) keeping both sides of a `w`×`h` image at
/// least `min_side` (1 when `min_side` is `None` or not positive).
pub fn reduction(w: usize, h: usize, min_side: Option<i64>) -> usize {
    let Some(m) = min_side.filter(|&m| m > 0) else {
        return 1;
    };
    [8, 4, 2]
        .into_iter()
        .find(|&d| jpeg::scaled(w.min(h), d) as i64 >= m)
        .unwrap_or(1)
}

/// Whether `data` starts like a JPEG / a PNG.
fn is_jpeg(data: &[u8]) -> bool {
    data.starts_with(&[0xFF, 0xD8])
}
fn is_png(data: &[u8]) -> bool {
    data.starts_with(b"\x89PNG\r\n\x1a\n")
}

/// Decodes one file's bytes.
pub fn decode_one(
    op: &str,
    data: &[u8],
    mode: Mode,
    exif: bool,
    min_side: Option<i64>,
) -> Result<Image> {
    if data.is_empty() {
        return Err(op_err(&exc::ValueError, op, "empty image data"));
    }
    if is_jpeg(data) {
        let hdr = jpeg::read_header(op, data)?;
        let px = match mode {
            Mode::Bgr => jpeg::Pixels::Bgr,
            Mode::Gray => jpeg::Pixels::Gray,
            Mode::Unchanged if hdr.gray => jpeg::Pixels::Gray,
            _ => jpeg::Pixels::Rgb,
        };
        let denom = reduction(hdr.width, hdr.height, min_side);
        let img = jpeg::decode(op, data, px, denom)?;
        return Ok(match exif.then(|| exif::orientation(data)).flatten() {
            Some(o) => exif::apply(img, o),
            None => img,
        });
    }
    if is_png(data) {
        return Ok(convert(png_codec::decode(op, data)?, mode));
    }
    Err(op_err(
        &exc::ValueError,
        op,
        "unknown image format (JPEG and PNG are supported)",
    ))
}

/// The bytes inside an argument.
fn bytes_arg(op: &str, v: &Any) -> Result<Bytes> {
    match v {
        Any::Bytes(b) => Ok(b.clone()),
        other => Err(op_err(
            &exc::TypeError,
            op,
            format!(
                "expected image bytes, got {}",
                matx::PyValue::py_type_name(other)
            ),
        )),
    }
}

/// `decode(images, mode="RGB", exif=False, min_side=None)`: JPEG or PNG bytes (one, or a
/// list decoded on all cores) to `[height, width, channels]` `uint8` arrays.
///
/// `mode`: `"RGB"`, `"BGR"`, `"GRAY"` (one channel, Pillow's luma for colour PNGs, the
/// JPEG's own luma plane for JPEGs), or `"UNCHANGED"` (the file's channels: a PNG's alpha
/// is kept). `exif=True` turns JPEGs upright by their EXIF orientation. `min_side=n` lets a
/// JPEG be decoded at 1/2, 1/4 or 1/8 of its size (libjpeg's DCT scaling, as Pillow's
/// `draft` and OpenCV's `IMREAD_REDUCED_*`) while both sides stay at least `n`: much faster
/// when the next op shrinks the image anyway. Images over `MAX_PIXELS` pixels, empty,
/// truncated or corrupt data raise `ValueError`; a batch fails naming the first bad index.
#[matx::op(name = "vision.decode")]
pub fn decode(
    images: Any,
    mode: Option<Str>,
    exif: Option<bool>,
    min_side: Option<i64>,
) -> Result<Any> {
    const OP: &str = "decode";
    let mode = Mode::parse(OP, mode.as_ref())?;
    let exif = exif.unwrap_or(false);
    each(OP, &images, |_, v| {
        let b = bytes_arg(OP, v)?;
        let img = decode_one(OP, b.as_bytes(), mode, exif, min_side)?;
        Ok(Any::object(img.into_array(false)?))
    })
}

/// `encode(images, format="jpeg", quality=None, mode="RGB")`: `uint8` images (`[h, w]` or
/// `[h, w, c]`) to JPEG or PNG bytes. JPEG takes gray or 3 channels (`quality` 1–100,
/// default 95 as OpenCV's; 4:2:0 chroma); PNG takes 1–4 channels (`quality` is its zlib
/// level 0–9, default 6). `mode="BGR"` reads 3- and 4-channel input as BGR(A).
#[matx::op(name = "vision.encode")]
pub fn encode(
    images: Any,
    format: Option<Str>,
    quality: Option<i64>,
    mode: Option<Str>,
) -> Result<Any> {
    const OP: &str = "encode";
    let bgr = match mode.as_ref().map(|s| s.as_str()) {
        None | Some("RGB") => false,
        Some("BGR") => true,
        Some(other) => {
            return Err(op_err(
                &exc::ValueError,
                OP,
                format!("mode must be 'RGB' or 'BGR', got '{other}'"),
            ))
        }
    };
    let png = match format.as_ref().map(|s| s.as_str()) {
        None | Some("jpeg" | "jpg" | "JPEG" | "JPG") => false,
        Some("png" | "PNG") => true,
        Some(other) => {
            return Err(op_err(
                &exc::ValueError,
                OP,
                format!("format must be 'jpeg' or 'png', got '{other}'"),
            ))
        }
    };
    let q = match (png, quality) {
        (false, None) => 95,
        (true, None) => 6,
        (false, Some(q)) if (1..=100).contains(&q) => q,
        (true, Some(q)) if (0..=9).contains(&q) => q,
        (false, Some(q)) => {
            return Err(op_err(
                &exc::ValueError,
                OP,
                format!("JPEG quality must be 1 to 100, got {q}"),
            ))
        }
        (true, Some(q)) => {
            return Err(op_err(
                &exc::ValueError,
                OP,
                format!("PNG level must be 0 to 9, got {q}"),
            ))
        }
    };
    each(OP, &images, |_, v| {
        let a = super::image::array_arg(OP, v)?;
        let out = with_image(OP, &a, |px, (h, w, c, _)| {
            let mut img = Image {
                h,
                w,
                c,
                data: px.to_vec(),
            };
            if png {
                if bgr && c >= 3 {
                    for p in img.data.chunks_exact_mut(c) {
                        p.swap(0, 2);
                    }
                }
                png_codec::encode(OP, &img, q as u8)
            } else {
                let pixels = if bgr {
                    jpeg::Pixels::Bgr
                } else {
                    jpeg::Pixels::Rgb
                };
                if c == 4 {
                    return Err(op_err(
                        &exc::ValueError,
                        OP,
                        "JPEG has no alpha: convert the image to 3 channels first",
                    ));
                }
                img.data.shrink_to_fit();
                jpeg::encode(OP, &img, pixels, q as i32, false)
            }
        })?;
        Ok(Any::Bytes(Bytes::new(&out)))
    })
}
