//! The EXIF orientation tag of a JPEG (APP1 `Exif`, IFD0 tag 0x0112), read with every offset bounds-checked, and the transform that shows the image upright (as Pillow's `ImageOps.exif_transpose`).

use super::image::Image;

/// The orientation (1–8) recorded in `jpeg`'s EXIF block, if any.
pub fn orientation(jpeg: &[u8]) -> Option<u16> {
    if jpeg.get(..2)? != [0xFF, 0xD8] {
        return None;
    }
    let mut pos = 2;
    loop {
        if *jpeg.get(pos)? != 0xFF {
            return None;
        }
        let marker = *jpeg.get(pos + 1)?;
        // Start of scan or end of image: no more metadata.
        if marker == 0xDA || marker == 0xD9 {
            return None;
        }
        let len = u16::from_be_bytes([*jpeg.get(pos + 2)?, *jpeg.get(pos + 3)?]) as usize;
        let body = jpeg.get(pos + 4..pos + 2 + len)?;
        if marker == 0xE1 && body.starts_with(b"Exif\0\0") {
            return tiff_orientation(&body[6..]);
        }
        pos += 2 + len;
    }
}

fn tiff_orientation(t: &[u8]) -> Option<u16> {
    let le = match t.get(..4)? {
        [b'I', b'I', 42, 0] => true,
        [b'M', b'M', 0, 42] => false,
        _ => return None,
    };
    let u16_at = |p: usize| -> Option<u16> {
        let b = [*t.get(p)?, *t.get(p + 1)?];
        Some(if le {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        })
    };
    let u32_at = |p: usize| -> Option<u32> {
        let b = [*t.get(p)?, *t.get(p + 1)?, *t.get(p + 2)?, *t.get(p + 3)?];
        Some(if le {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    let ifd = u32_at(4)? as usize;
    let n = u16_at(ifd)? as usize;
    for i in 0..n {
        let e = ifd.checked_add(2 + 12 * i)?;
        if u16_at(e)? == 0x0112 {
            let v = u16_at(e + 8)?;
            return (1..=8).contains(&v).then_some(v);
        }
    }
    None
}

/// `img` turned upright for EXIF orientation `o` (1 and unknown values: unchanged).
pub fn apply(img: Image, o: u16) -> Image {
    let (h, w) = (img.h, img.w);
    // Output size and, for output pixel (y, x), the source pixel.
    let (oh, ow): (usize, usize) = if o >= 5 { (w, h) } else { (h, w) };
    let src = |y: usize, x: usize| -> (usize, usize) {
        match o {
            2 => (y, w - 1 - x),
            3 => (h - 1 - y, w - 1 - x),
            4 => (h - 1 - y, x),
            5 => (x, y),
            6 => (h - 1 - x, y),
            7 => (h - 1 - x, w - 1 - y),
            8 => (x, w - 1 - y),
            _ => (y, x),
        }
    };
    if !(2..=8).contains(&o) {
        return img;
    }
    let c = img.c;
    let mut out = vec![0u8; img.data.len()];
    for y in 0..oh {
        for x in 0..ow {
            let (sy, sx) = src(y, x);
            let s = (sy * w + sx) * c;
            let d = (y * ow + x) * c;
            out[d..d + c].copy_from_slice(&img.data[s..s + c]);
        }
    }
    Image {
        h: oh,
        w: ow,
        c,
        data: out,
    }
}
