"""matx.vision colour conversion, colour jitter, normalisation, layout changes and stacking against OpenCV and numpy formulas.

Tolerances: cvt_color exact against OpenCV; color_jitter exact against torchvision's uint8
formulas written in numpy; normalize / transpose_normalize within 1e-5 relative of the
float32 numpy formula; transpose, cast and stack exact.
"""
import cv2
import numpy as np
import pytest
from vision_support import mad, odd_images, photo_rgb, vision as v

MEAN = [123.675, 116.28, 103.53]
STD = [58.395, 57.12, 57.375]


@pytest.mark.parametrize("code,cv,cin", [
    ("RGB2BGR", cv2.COLOR_RGB2BGR, 3), ("BGR2RGB", cv2.COLOR_BGR2RGB, 3),
    ("RGB2GRAY", cv2.COLOR_RGB2GRAY, 3), ("BGR2GRAY", cv2.COLOR_BGR2GRAY, 3),
    ("GRAY2RGB", cv2.COLOR_GRAY2RGB, 1), ("RGBA2RGB", cv2.COLOR_RGBA2RGB, 4),
    ("RGB2RGBA", cv2.COLOR_RGB2RGBA, 3), ("RGBA2BGRA", cv2.COLOR_RGBA2BGRA, 4),
])
def test_cvt_color_matches_opencv(code, cv, cin):
    imgs = [a for _, a in odd_images(9) if (a.shape[2] if a.ndim == 3 else 1) == cin]
    if cin == 3:
        imgs.append(photo_rgb("astronaut.png"))
    for a in imgs:
        got = np.asarray(v.cvt_color(a, code))
        ref = cv2.cvtColor(a, cv)
        assert np.array_equal(got.reshape(ref.shape), ref), code


def test_cvt_color_refuses_the_wrong_channel_count():
    with pytest.raises(ValueError, match="cvt_color: RGB2GRAY takes 3 channels, the image has 4"):
        v.cvt_color(np.zeros((2, 2, 4), np.uint8), "RGB2GRAY")
    with pytest.raises(ValueError, match="cvt_color: unknown conversion 'RGB2LAB'"):
        v.cvt_color(np.zeros((2, 2, 3), np.uint8), "RGB2LAB")


def tv_jitter(a, b, c, s):
    """torchvision's adjust_brightness / adjust_contrast / adjust_saturation on uint8 (numpy)."""
    x = a.astype(np.float32)

    def gray(x):
        return np.floor(0.2989 * x[..., 0] + 0.587 * x[..., 1] + 0.114 * x[..., 2])

    def blend(x, y, f):
        return np.floor(np.clip(f * x + (1 - f) * y, 0, 255))

    x = blend(x, 0.0, np.float32(b))
    m = gray(x).mean()
    x = blend(x, np.float32(m), np.float32(c))
    x = blend(x, gray(x)[..., None], np.float32(s))
    return x.astype(np.uint8)


def test_color_jitter_with_fixed_factors_matches_torchvision_formulas():
    a = photo_rgb("coffee.png")
    for b, c, s in [(1.3, 0.7, 1.5), (0.5, 1.2, 0.0)]:
        got = np.asarray(v.color_jitter(a, (b, b), (c, c), (s, s)))
        assert mad(got, tv_jitter(a, b, c, s)) <= 0.01


def test_color_jitter_is_seeded():
    a = photo_rgb("chelsea.png")
    p = v.color_jitter([a] * 4, 0.4, 0.4, 0.4, 9)
    q = v.color_jitter([a] * 4, 0.4, 0.4, 0.4, 9)
    assert all(np.array_equal(np.asarray(x), np.asarray(y)) for x, y in zip(p, q))
    assert len({np.asarray(x).tobytes() for x in p}) == 4
    with pytest.raises(ValueError, match="color_jitter: brightness must be a non-negative number"):
        v.color_jitter(a, -1.0)


def test_normalize_and_transpose_normalize_match_numpy():
    for a in [photo_rgb("chelsea.png")] + [x for n, x in odd_images(10) if x.ndim == 3 and x.shape[2] == 3]:
        ref = (a.astype(np.float32) - np.float32(MEAN)) / np.float32(STD)
        got = np.asarray(v.normalize(a, MEAN, STD))
        assert got.dtype == np.float32 and got.shape == a.shape
        np.testing.assert_allclose(got, ref, rtol=1e-5, atol=1e-5)
        chw = np.asarray(v.transpose_normalize(a, MEAN, STD))
        assert chw.shape == (3,) + a.shape[:2] and chw.flags["C_CONTIGUOUS"]
        np.testing.assert_allclose(chw, ref.transpose(2, 0, 1), rtol=1e-5, atol=1e-5)
    # scale: the 0-1 convention.
    a = photo_rgb("coffee.png")
    got = np.asarray(v.transpose_normalize(a, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225], 1 / 255))
    ref = ((a / 255.0 - [0.485, 0.456, 0.406]) / [0.229, 0.224, 0.225]).transpose(2, 0, 1)
    np.testing.assert_allclose(got, ref, rtol=1e-4, atol=1e-4)
    with pytest.raises(ValueError, match="normalize: mean has 2 values for an image of 3 channels"):
        v.normalize(a, [1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match="transpose_normalize: std must be non-zero"):
        v.transpose_normalize(a, [0.0], [0.0])


def test_transpose_cast_and_stack():
    a = photo_rgb("chelsea.png")
    assert np.array_equal(np.asarray(v.transpose(a)), a.transpose(2, 0, 1))
    f = np.asarray(v.cast(a, "float32", 0.5, 1.0))
    np.testing.assert_array_equal(f, a.astype(np.float32) * 0.5 + 1.0)
    x = np.array([[-3.0, 0.5, 1.5, 2.5, 254.5, 300.0]], np.float32)
    assert np.asarray(v.cast(x, "uint8")).tolist() == [[0, 0, 2, 2, 254, 255]]  # half to even, saturated
    chws = v.transpose_normalize([a, a[::-1].copy()], MEAN, STD)
    s = v.stack(chws)
    n = np.asarray(s)
    assert n.shape == (2, 3, 300, 451) and n.dtype == np.float32 and n.flags["C_CONTIGUOUS"]
    assert np.array_equal(n, np.stack([np.asarray(c) for c in chws]))
    # numpy (and torch.from_numpy / from_dlpack) view the stacked memory without a copy.
    assert n.__array_interface__["data"][0] == s.data_ptr()
    assert np.array_equal(np.asarray(v.stack([a, a])), np.stack([a, a]))
    with pytest.raises(ValueError, match=r"stack: image 1 has shape \[2, 2, 3\] and dtype uint8, image 0 has \[300, 451, 3\] and uint8"):
        v.stack([a, np.zeros((2, 2, 3), np.uint8)])
    with pytest.raises(ValueError, match="stack: need at least one array"):
        v.stack([])
    with pytest.raises(TypeError, match="transpose: expected uint8 or float32, got dtype int16"):
        v.transpose(np.zeros((2, 2, 3), np.int16))


def test_layout_and_random_ops_refuse_bad_arguments():
    a = np.zeros((4, 4, 3), np.uint8)
    with pytest.raises(ValueError, match="cast: dtype must be 'uint8' or 'float32', got 'int8'"):
        v.cast(a, "int8")
    with pytest.raises(TypeError, match="cast: expected uint8 or float32, got dtype int64"):
        v.cast(np.zeros((2, 2), np.int64), "float32")
    with pytest.raises(ValueError, match="random_flip: p must be 0 to 1, got 1.5"):
        v.random_flip(a, 1.5)
    with pytest.raises(ValueError, match="flip: flip_code must be 1"):
        v.flip(a, 2)
    with pytest.raises(ValueError, match="rotate: center must be"):
        v.rotate(a, 10.0, [1.0])
    with pytest.raises(ValueError, match="pad: padding must not be negative"):
        v.pad(a, -1, 0, 0, 0)
    with pytest.raises(ValueError, match="pad: mode must be"):
        v.pad(a, 1, 1, 1, 1, "wrap")
    with pytest.raises(TypeError, match=r"transpose_normalize: image 1: expected a uint8 image"):
        v.transpose_normalize([a, a.astype(np.float32)], MEAN, STD)
    with pytest.raises(ValueError, match="transpose: expected a \\[height, width, channels\\] array, got 2 dimensions"):
        v.transpose(np.zeros((2, 2), np.uint8))
