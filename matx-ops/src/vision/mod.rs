//! Vision ops on the CPU: decoding and encoding (JPEG through libjpeg-turbo, PNG), geometry, colour, layout and random augmentations, each taking one image or a list that runs on all cores.
//!
//! Images are `NDArray`s of `uint8` in HWC order (`[height, width, channels]`, channels 1, 3
//! or 4; `[height, width]` is read as one channel and stays 2-d). Every op takes one image
//! (one `bytes` for `decode`) or a list of them; a list is processed in parallel (rayon; the
//! GIL is released from Python) and gives a list in the same order.
//!
//! **A batch is all or nothing**: when items of a list fail, the op raises the error of the
//! lowest failing index, naming it (`resize: image 3: expected a uint8 image, got dtype
//! float32`), and returns nothing. Errors always name the op and the problem; bad input
//! never crashes (decompression bombs are refused above [`MAX_PIXELS`]).

mod codec;
mod color;
mod crop_flip;
mod exif;
mod image;
mod jpeg;
mod layout;
mod png_codec;
mod random;
mod resample;
mod warp;

pub use codec::{decode, encode};
pub use color::{color_jitter, cvt_color};
pub use crop_flip::{center_crop, crop, flip, pad};
pub use image::{Image, MAX_PIXELS};
pub use layout::{cast, normalize, stack, transpose, transpose_normalize};
pub use random::{random_crop, random_flip, random_resized_crop};
pub use resample::resize;
pub use warp::{rotate, warp_affine};

/// Registers every vision op (stable names `vision.<op>`).
pub fn register(reg: &mut matx::OpRegistry) -> matx::Result<()> {
    matx::register_ops!(
        reg,
        decode,
        encode,
        resize,
        crop,
        center_crop,
        flip,
        pad,
        rotate,
        warp_affine,
        cvt_color,
        color_jitter,
        normalize,
        transpose,
        cast,
        transpose_normalize,
        stack,
        random_crop,
        random_resized_crop,
        random_flip
    )
}

/// Adds every vision op to a Python module (`matx.vision`).
#[cfg(feature = "python")]
pub fn register_python(
    m: &matx_py::pyo3::Bound<'_, matx_py::pyo3::types::PyModule>,
) -> matx_py::pyo3::PyResult<()> {
    decode::__matx_py_register(m)?;
    encode::__matx_py_register(m)?;
    resize::__matx_py_register(m)?;
    crop::__matx_py_register(m)?;
    center_crop::__matx_py_register(m)?;
    flip::__matx_py_register(m)?;
    pad::__matx_py_register(m)?;
    rotate::__matx_py_register(m)?;
    warp_affine::__matx_py_register(m)?;
    cvt_color::__matx_py_register(m)?;
    color_jitter::__matx_py_register(m)?;
    normalize::__matx_py_register(m)?;
    transpose::__matx_py_register(m)?;
    cast::__matx_py_register(m)?;
    transpose_normalize::__matx_py_register(m)?;
    stack::__matx_py_register(m)?;
    random_crop::__matx_py_register(m)?;
    random_resized_crop::__matx_py_register(m)?;
    random_flip::__matx_py_register(m)?;
    Ok(())
}
