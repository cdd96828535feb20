//! JPEG through libjpeg-turbo (the `turbojpeg-sys` bindings, built from the bundled source): header reading, full and DCT-scaled (1/2, 1/4, 1/8) decoding, and encoding; one handle per thread, every call checked.

use super::image::{check_pixels, op_err, Image};
use matx::{exc, Result};
use std::cell::RefCell;
use std::ffi::CStr;
use turbojpeg_sys as tj;

/// Progressive JPEGs with more scans than this are refused (libjpeg-turbo's advice against
/// files made to take unbounded time).
const SCAN_LIMIT: i32 = 500;

/// A libjpeg-turbo handle (compressor or decompressor), destroyed on drop.
struct Handle(tj::tjhandle);

impl Handle {
    fn new(op: &str, kind: tj::TJINIT) -> Result<Handle> {
        // SAFETY: tj3Init takes a plain enum value and returns a handle or null.
        let h = unsafe { tj::tj3Init(kind as CInt) };
        if h.is_null() {
            return Err(op_err(
                &exc::MemoryError,
                op,
                "cannot create a libjpeg-turbo handle",
            ));
        }
        Ok(Handle(h))
    }

    fn set(&self, param: tj::TJPARAM, value: i32) -> bool {
        // SAFETY: the handle is live (owned by `self`); tj3Set validates its arguments.
        unsafe { tj::tj3Set(self.0, param as CInt, value) == 0 }
    }

    fn get(&self, param: tj::TJPARAM) -> i32 {
        // SAFETY: as for `set`.
        unsafe { tj::tj3Get(self.0, param as CInt) }
    }

    /// The handle's last error message.
    fn error(&self) -> String {
        // SAFETY: tj3GetErrorStr returns a NUL-terminated string owned by the handle (or a
        // static one), valid until the next call on this handle; it is copied at once.
        unsafe {
            let p = tj::tj3GetErrorStr(self.0);
            if p.is_null() {
                "unknown libjpeg-turbo error".into()
            } else {
                CStr::from_ptr(p).to_string_lossy().into_owned()
            }
        }
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        // SAFETY: the handle came from tj3Init and is destroyed once.
        unsafe { tj::tj3Destroy(self.0) }
    }
}

type CInt = std::os::raw::c_int;

thread_local! {
    /// Each thread's decompressor, made on first use and reused (handles are not `Send`).
    static DECOMPRESSOR: RefCell<Option<Handle>> = const { RefCell::new(None) };
    static COMPRESSOR: RefCell<Option<Handle>> = const { RefCell::new(None) };
}

/// What the header says.
#[derive(Clone, Copy, Debug)]
pub struct Header {
    pub width: usize,
    pub height: usize,
    /// Gray (one component) JPEG.
    pub gray: bool,
}

/// The output pixel layout asked of the decoder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pixels {
    Rgb,
    Bgr,
    Gray,
}

fn with_decompressor<R>(op: &str, f: impl FnOnce(&Handle) -> Result<R>) -> Result<R> {
    DECOMPRESSOR.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(Handle::new(op, tj::TJINIT_TJINIT_DECOMPRESS)?);
        }
        let r = match slot.as_ref() {
            Some(h) => f(h),
            None => Err(op_err(&exc::MemoryError, op, "no libjpeg-turbo handle")),
        };
        // After a failure the handle is dropped: the next file starts from a fresh state.
        if r.is_err() {
            *slot = None;
        }
        r
    })
}

fn read_header_with(op: &str, h: &Handle, data: &[u8]) -> Result<Header> {
    // SAFETY: `data` is a live slice of `data.len()` bytes, only read.
    let rc = unsafe { tj::tj3DecompressHeader(h.0, data.as_ptr(), data.len() as _) };
    if rc != 0 {
        return Err(op_err(
            &exc::ValueError,
            op,
            format!("not a valid JPEG: {}", h.error()),
        ));
    }
    if h.get(tj::TJPARAM_TJPARAM_PRECISION) != 8 || h.get(tj::TJPARAM_TJPARAM_LOSSLESS) == 1 {
        return Err(op_err(
            &exc::ValueError,
            op,
            "only 8-bit lossy JPEGs are supported (this one is 12-bit, 16-bit or lossless)",
        ));
    }
    let cs = h.get(tj::TJPARAM_TJPARAM_COLORSPACE);
    if cs == tj::TJCS_TJCS_CMYK as i32 || cs == tj::TJCS_TJCS_YCCK as i32 {
        return Err(op_err(&exc::ValueError, op, "CMYK JPEGs are not supported"));
    }
    let width = h.get(tj::TJPARAM_TJPARAM_JPEGWIDTH);
    let height = h.get(tj::TJPARAM_TJPARAM_JPEGHEIGHT);
    if width <= 0 || height <= 0 {
        return Err(op_err(
            &exc::ValueError,
            op,
            "not a valid JPEG: no image size in its header",
        ));
    }
    check_pixels(op, height as u64, width as u64)?;
    Ok(Header {
        width: width as usize,
        height: height as usize,
        gray: cs == tj::TJCS_TJCS_GRAY as i32,
    })
}

/// The header of `data` (`ValueError` when it is not a JPEG libjpeg-turbo can decode).
pub fn read_header(op: &str, data: &[u8]) -> Result<Header> {
    with_decompressor(op, |h| read_header_with(op, h, data))
}

/// `dim` scaled by `1/denom`, rounded up (libjpeg's `TJSCALED`).
pub fn scaled(dim: usize, denom: usize) -> usize {
    dim.div_ceil(denom)
}

/// Decodes `data` at scale `1/denom` (1, 2, 4 or 8). Truncated or corrupt data is a
/// `ValueError` (warnings are errors: nothing half-decoded is returned).
pub fn decode(op: &str, data: &[u8], pixels: Pixels, denom: usize) -> Result<Image> {
    with_decompressor(op, |h| {
        let hdr = read_header_with(op, h, data)?;
        if !h.set(tj::TJPARAM_TJPARAM_STOPONWARNING, 1)
            || !h.set(tj::TJPARAM_TJPARAM_SCANLIMIT, SCAN_LIMIT)
        {
            return Err(op_err(&exc::ValueError, op, h.error()));
        }
        let sf = tj::tjscalingfactor {
            num: 1,
            denom: denom as CInt,
        };
        // SAFETY: live handle; the factor is one libjpeg-turbo lists (1/1, 1/2, 1/4, 1/8).
        if unsafe { tj::tj3SetScalingFactor(h.0, sf) } != 0 {
            return Err(op_err(&exc::ValueError, op, h.error()));
        }
        let (w, hgt) = (scaled(hdr.width, denom), scaled(hdr.height, denom));
        let (c, pf) = match pixels {
            Pixels::Rgb => (3, tj::TJPF_TJPF_RGB),
            Pixels::Bgr => (3, tj::TJPF_TJPF_BGR),
            Pixels::Gray => (1, tj::TJPF_TJPF_GRAY),
        };
        let mut out = vec![0u8; w * hgt * c];
        // SAFETY: `data` is read-only input of its length; `out` has room for exactly
        // `w * hgt` pixels of `c` bytes at the packed pitch (0 means `w * c`), which is the
        // size libjpeg-turbo writes at this scaling factor.
        let rc = unsafe {
            tj::tj3Decompress8(
                h.0,
                data.as_ptr(),
                data.len() as _,
                out.as_mut_ptr(),
                0,
                pf as CInt,
            )
        };
        if rc != 0 {
            return Err(op_err(
                &exc::ValueError,
                op,
                format!("corrupt or truncated JPEG: {}", h.error()),
            ));
        }
        Ok(Image {
            h: hgt,
            w,
            c,
            data: out,
        })
    })
}

/// Encodes an RGB (or BGR, per `pixels`) or gray image as a baseline JPEG of `quality`
/// (1–100), chroma subsampled 4:2:0, or 4:4:4 when `subsamp444`.
pub fn encode(
    op: &str,
    img: &Image,
    pixels: Pixels,
    quality: i32,
    subsamp444: bool,
) -> Result<Vec<u8>> {
    let pf = match (img.c, pixels) {
        (1, _) => tj::TJPF_TJPF_GRAY,
        (3, Pixels::Bgr) => tj::TJPF_TJPF_BGR,
        (3, _) => tj::TJPF_TJPF_RGB,
        (c, _) => {
            return Err(op_err(
                &exc::ValueError,
                op,
                format!("JPEG takes 1 or 3 channels, got {c}"),
            ))
        }
    };
    COMPRESSOR.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(Handle::new(op, tj::TJINIT_TJINIT_COMPRESS)?);
        }
        let Some(h) = slot.as_ref() else {
            return Err(op_err(&exc::MemoryError, op, "no libjpeg-turbo handle"));
        };
        let samp = if img.c == 1 {
            tj::TJSAMP_TJSAMP_GRAY
        } else if subsamp444 {
            tj::TJSAMP_TJSAMP_444
        } else {
            tj::TJSAMP_TJSAMP_420
        };
        if !h.set(tj::TJPARAM_TJPARAM_QUALITY, quality) || !h.set(tj::TJPARAM_TJPARAM_SUBSAMP, samp)
        {
            return Err(op_err(&exc::ValueError, op, h.error()));
        }
        let mut buf: *mut u8 = std::ptr::null_mut();
        let mut size: tj::size_t = 0;
        // SAFETY: `img.data` holds `h * w * c` bytes at the packed pitch; libjpeg-turbo
        // allocates the output buffer (`buf` null) and stores its address and size.
        let rc = unsafe {
            tj::tj3Compress8(
                h.0,
                img.data.as_ptr(),
                img.w as CInt,
                0,
                img.h as CInt,
                pf as CInt,
                &mut buf,
                &mut size,
            )
        };
        let out = if rc == 0 && !buf.is_null() {
            // SAFETY: on success `buf` points at `size` bytes libjpeg-turbo allocated.
            Ok(unsafe { std::slice::from_raw_parts(buf, size as usize) }.to_vec())
        } else {
            Err(op_err(&exc::ValueError, op, h.error()))
        };
        if !buf.is_null() {
            // SAFETY: `buf` was allocated by libjpeg-turbo (tj3Alloc) and is freed once.
            unsafe { tj::tj3Free(buf.cast()) };
        }
        out
    })
}
