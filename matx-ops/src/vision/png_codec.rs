//! PNG through the pure-Rust `png` crate: decoding any bit depth and colour type to 8-bit gray, gray+alpha, RGB or RGBA (palettes and transparency expanded), and encoding 8-bit images.

use super::image::{check_pixels, op_err, Image};
use matx::{exc, Result};
use std::io::Cursor;

/// Decodes `data` to 1 (gray), 2 (gray + alpha), 3 (RGB) or 4 (RGBA) channels of 8 bits
/// (16-bit samples keep their high byte, as Pillow's conversion to 8 bits does).
pub fn decode(op: &str, data: &[u8]) -> Result<Image> {
    let bad = |e: png::DecodingError| {
        op_err(
            &exc::ValueError,
            op,
            format!("corrupt or truncated PNG: {e}"),
        )
    };
    let mut dec = png::Decoder::new_with_limits(
        Cursor::new(data),
        png::Limits {
            // The header is checked against MAX_PIXELS first; this bounds the rest.
            bytes: usize::MAX,
        },
    );
    dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = dec.read_info().map_err(bad)?;
    let (w, h) = {
        let info = reader.info();
        (info.width as usize, info.height as usize)
    };
    if w == 0 || h == 0 {
        return Err(op_err(&exc::ValueError, op, "PNG declares an empty image"));
    }
    check_pixels(op, h as u64, w as u64)?;
    let (ct, _) = reader.output_color_type();
    let c = match ct {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::Indexed => {
            return Err(op_err(&exc::ValueError, op, "unexpanded palette PNG"))
        }
    };
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| op_err(&exc::ValueError, op, "PNG too large"))?;
    let mut buf = vec![0u8; size];
    let info = reader.next_frame(&mut buf).map_err(bad)?;
    let line = info.line_size;
    let mut data = Vec::with_capacity(w * h * c);
    for y in 0..h {
        let row = buf
            .get(y * line..y * line + w * c)
            .ok_or_else(|| op_err(&exc::ValueError, op, "PNG rows shorter than its width"))?;
        data.extend_from_slice(row);
    }
    Ok(Image { h, w, c, data })
}

/// Encodes an 8-bit gray, gray + alpha, RGB or RGBA image; `level` 0 (none) to 9 (best),
/// default 6 as zlib's.
pub fn encode(op: &str, img: &Image, level: u8) -> Result<Vec<u8>> {
    let ct = match img.c {
        1 => png::ColorType::Grayscale,
        2 => png::ColorType::GrayscaleAlpha,
        3 => png::ColorType::Rgb,
        4 => png::ColorType::Rgba,
        c => {
            return Err(op_err(
                &exc::ValueError,
                op,
                format!("PNG takes 1 to 4 channels, got {c}"),
            ))
        }
    };
    let fail =
        |e: png::EncodingError| op_err(&exc::ValueError, op, format!("PNG encoding failed: {e}"));
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, img.w as u32, img.h as u32);
        enc.set_color(ct);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(match level {
            0 => png::Compression::NoCompression,
            1 => png::Compression::Fastest,
            2..=5 => png::Compression::Fast,
            6..=7 => png::Compression::Balanced,
            _ => png::Compression::High,
        });
        let mut wr = enc.write_header().map_err(fail)?;
        wr.write_image_data(&img.data).map_err(fail)?;
        wr.finish().map_err(fail)?;
    }
    Ok(out)
}
