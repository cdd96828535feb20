"""matx.vision resize, crops, flips, padding, rotation and affine warps against Pillow, OpenCV and numpy on the photographs and odd-size random images; random crops seeded and reproducible.

Tolerances (mean absolute difference, MAD, in levels): antialiased resize <= 1 against
Pillow; non-antialiased bilinear <= 1 against OpenCV INTER_LINEAR; area <= 1 against OpenCV
INTER_AREA for whole-factor shrinking; crop, flip, pad exact against numpy/OpenCV; rotation
and warps (bilinear) <= 1 against OpenCV warpAffine.
"""
import cv2
import numpy as np
import pytest
from PIL import Image
from vision_support import PHOTOS, mad, odd_images, photo_rgb, vision as v

PIL_FILTERS = {"bilinear": Image.BILINEAR, "bicubic": Image.BICUBIC, "lanczos": Image.LANCZOS, "nearest": Image.NEAREST}


def pil_resize(a, h, w, f):
    if a.ndim == 3 and a.shape[2] == 1:
        return np.asarray(Image.fromarray(a[:, :, 0]).resize((w, h), f))[:, :, None]
    return np.asarray(Image.fromarray(a).resize((w, h), f))


@pytest.mark.parametrize("interp", ["bilinear", "bicubic", "lanczos"])
@pytest.mark.parametrize("name", PHOTOS)
def test_antialiased_resize_matches_pillow(name, interp):
    a = photo_rgb(name)
    for size in [(224, 224), (123, 457), (a.shape[0] * 2 - 1, a.shape[1] + 3)]:
        got = np.asarray(v.resize(a, size, interp))
        assert mad(got, pil_resize(a, *size, PIL_FILTERS[interp])) <= 1.0, (size, interp)


def test_resize_odd_images_against_pillow():
    for name, a in odd_images(4):
        if name == "rgba":
            continue  # below
        h, w = a.shape[:2]
        for size in [(1, 1), (max(1, h // 2), w + 5), (h * 3, max(1, w // 3))]:
            got = np.asarray(v.resize(a, size))
            assert got.ndim == a.ndim, name
            assert mad(got, pil_resize(a, *size, Image.BILINEAR)) <= 1.0, (name, size)


def test_resize_rgba_uses_premultiplied_alpha_as_pillow():
    rng = np.random.default_rng(5)
    a = rng.integers(0, 256, (40, 60, 4), dtype=np.uint8)
    got = np.asarray(v.resize(a, (17, 23)))
    assert mad(got, pil_resize(a, 17, 23, Image.BILINEAR)) <= 1.0


def test_nearest_matches_pillow_exactly():
    a = photo_rgb("chelsea.png")
    for size in [(100, 150), (301, 452), (37, 900)]:
        assert np.array_equal(np.asarray(v.resize(a, size, "nearest")), pil_resize(a, *size, Image.NEAREST))


def test_area_and_plain_bilinear_match_opencv():
    a = photo_rgb("astronaut.png")  # 512 x 512
    # Whole-factor shrinking: area averaging as OpenCV's INTER_AREA.
    for size in [(256, 256), (128, 64)]:
        got = np.asarray(v.resize(a, size, "area"))
        assert mad(got, cv2.resize(a, size[::-1], interpolation=cv2.INTER_AREA)) <= 1.0
    # Not antialiased: OpenCV's INTER_LINEAR / INTER_CUBIC.
    for size in [(200, 300), (700, 650)]:
        got = np.asarray(v.resize(a, size, "bilinear", False))
        assert mad(got, cv2.resize(a, size[::-1], interpolation=cv2.INTER_LINEAR)) <= 1.0
        got = np.asarray(v.resize(a, size, "bicubic", False))
        assert mad(got, cv2.resize(a, size[::-1], interpolation=cv2.INTER_CUBIC)) <= 1.0


def test_shorter_side_as_torchvision_computes_it():
    for h, w in [(300, 451), (451, 300), (1080, 1920), (7, 1001), (5, 5)]:
        a = np.zeros((h, w, 3), np.uint8)
        s = 256
        want = (s, int(s * w / h)) if h <= w else (int(s * h / w), s)
        assert np.asarray(v.resize(a, s)).shape[:2] == want
        assert np.asarray(v.resize(a, [s])).shape[:2] == want


def test_crop_and_center_crop_are_numpy_slices():
    for name, a in odd_images(6):
        h, w = a.shape[:2]
        ch, cw = max(1, h // 2), max(1, w // 3)
        y, x = h - ch, w - cw
        assert np.array_equal(np.asarray(v.crop(a, x, y, cw, ch)), a[y : y + ch, x : x + cw]), name
        # torchvision's CenterCrop offsets: round((h - ch) / 2).
        t, l = int(round((h - ch) / 2)), int(round((w - cw) / 2))
        assert np.array_equal(np.asarray(v.center_crop(a, (ch, cw))), a[t : t + ch, l : l + cw]), name
    a = photo_rgb("coffee.png")
    assert np.array_equal(np.asarray(v.center_crop(a, 224)), a[88:312, 188:412])


def test_crops_outside_the_image_are_errors():
    a = np.zeros((10, 20, 3), np.uint8)
    with pytest.raises(ValueError, match=r"crop: crop of 5x5 at \(y=8, x=0\) reaches outside the 10x20 image \(height x width\)"):
        v.crop(a, 0, 8, 5, 5)
    with pytest.raises(ValueError, match="crop: crop of 5x5 at"):
        v.crop(a, -1, 0, 5, 5)
    with pytest.raises(ValueError, match="crop: crop size must be positive"):
        v.crop(a, 0, 0, 0, 5)
    with pytest.raises(ValueError, match="center_crop: crop of 11x11"):
        v.center_crop(a, 11)
    with pytest.raises(ValueError, match="random_crop: crop of 11x5 is larger than the 10x20 image"):
        v.random_crop(a, (11, 5))


@pytest.mark.parametrize("code", [1, 0, -1])
def test_flip_matches_opencv(code):
    for name, a in odd_images(7):
        got = np.asarray(v.flip(a, code))
        ref = cv2.flip(a, code)
        assert np.array_equal(got, ref.reshape(got.shape)), name


@pytest.mark.parametrize("mode,np_mode", [("constant", "constant"), ("reflect", "reflect"), ("symmetric", "symmetric"), ("replicate", "edge")])
def test_pad_matches_numpy(mode, np_mode):
    for name, a in odd_images(8):
        h, w = a.shape[:2]
        t, b, l, r = 2, 1, 3, 0
        if np_mode == "reflect" and (h == 1 or w == 1):
            continue
        kw = {"constant_values": 7} if np_mode == "constant" else {}
        ref = np.pad(a, [(t, b), (l, r)] + [(0, 0)] * (a.ndim - 2), mode=np_mode, **kw)
        got = np.asarray(v.pad(a, t, b, l, r, mode, 7 if mode == "constant" else None))
        assert np.array_equal(got, ref), (name, mode)
    # Reflection wider than the image repeats, as numpy's.
    a = np.arange(12, dtype=np.uint8).reshape(3, 4)
    assert np.array_equal(np.asarray(v.pad(a, 5, 5, 9, 9, "reflect")), np.pad(a, ((5, 5), (9, 9)), "reflect"))


def test_rotate_and_warp_affine_match_opencv():
    a = photo_rgb("chelsea.png")
    h, w = a.shape[:2]
    for angle, scale in [(30.0, 1.0), (-75.5, 0.8), (90.0, 1.0), (180.0, 1.3)]:
        c = (w / 2, h / 2)
        m = cv2.getRotationMatrix2D(c, angle, scale)
        ref = cv2.warpAffine(a, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0))
        got = np.asarray(v.rotate(a, angle, list(c), scale))
        assert mad(got, ref) <= 1.0, angle
    m = np.array([[0.9, 0.2, 10.0], [-0.1, 1.1, -5.0]])
    ref = cv2.warpAffine(a, m, (200, 150), flags=cv2.INTER_LINEAR, borderValue=(9, 9, 9))
    got = np.asarray(v.warp_affine(a, m.ravel().tolist(), (150, 200), "bilinear", 9))
    assert mad(got, ref) <= 1.0
    # The default centre is the image's middle pixel: 180 degrees is a flip both ways.
    assert np.array_equal(np.asarray(v.rotate(a, 180.0)), a[::-1, ::-1])
    with pytest.raises(ValueError, match="warp_affine: the matrix is not invertible"):
        v.warp_affine(a, [0.0] * 6)
    with pytest.raises(ValueError, match="warp_affine: matrix must have 6 numbers"):
        v.warp_affine(a, [1.0, 0.0, 0.0])


def test_random_crop_is_seeded_and_reproducible():
    a = photo_rgb("coffee.png")
    one = np.asarray(v.random_crop(a, (100, 120), 7))
    assert np.array_equal(one, np.asarray(v.random_crop(a, (100, 120), 7)))
    # It is a window of the image.
    hits = [(y, x) for y in range(0, 301) for x in range(0, 481) if a[y, x, 0] == one[0, 0, 0] and np.array_equal(a[y : y + 100, x : x + 120], one)]
    assert hits
    batch = v.random_crop([a] * 8, 64, 3)
    again = v.random_crop([a] * 8, 64, 3)
    assert all(np.array_equal(np.asarray(p), np.asarray(q)) for p, q in zip(batch, again))
    # Different items of a batch get different windows; no seed draws fresh ones.
    assert len({np.asarray(p).tobytes() for p in batch}) > 1
    assert len({np.asarray(v.random_crop(a, 64)).tobytes() for _ in range(5)}) > 1


def test_random_resized_crop():
    a = photo_rgb("chelsea.png")
    out = v.random_resized_crop([a] * 6, 224, None, None, "bilinear", 11)
    assert all(np.asarray(o).shape == (224, 224, 3) for o in out)
    again = v.random_resized_crop([a] * 6, 224, None, None, "bilinear", 11)
    assert all(np.array_equal(np.asarray(p), np.asarray(q)) for p, q in zip(out, again))
    # The whole image at its own aspect ratio: the same as resizing it.
    r = a.shape[1] / a.shape[0]
    full = np.asarray(v.random_resized_crop(a, (150, 225), [1.0, 1.0], [r, r], None, 1))
    assert np.array_equal(full, np.asarray(v.resize(a, (150, 225))))
    with pytest.raises(ValueError, match=r"random_resized_crop: scale must be \(low, high\)"):
        v.random_resized_crop(a, 224, [0.5, 0.1])


def test_random_flip():
    a = photo_rgb("chelsea.png")
    assert np.array_equal(np.asarray(v.random_flip(a, 1.0)), a[:, ::-1])
    assert np.array_equal(np.asarray(v.random_flip(a, 0.0)), a)
    outs = v.random_flip([a] * 16, 0.5, 1, 5)
    flipped = [np.array_equal(np.asarray(o), a[:, ::-1]) for o in outs]
    assert any(flipped) and not all(flipped)
    assert flipped == [np.array_equal(np.asarray(o), a[:, ::-1]) for o in v.random_flip([a] * 16, 0.5, 1, 5)]


def test_bad_images_name_the_op_and_the_problem():
    with pytest.raises(TypeError, match="resize: expected a uint8 image, got dtype float32"):
        v.resize(np.zeros((4, 4, 3), np.float32), 2)
    with pytest.raises(ValueError, match="flip: expected 1, 3 or 4 channels, got 2"):
        v.flip(np.zeros((4, 4, 2), np.uint8))
    with pytest.raises(ValueError, match=r"pad: empty image \(0x4\)"):
        v.pad(np.zeros((0, 4, 3), np.uint8), 1, 1, 1, 1)
    with pytest.raises(ValueError, match="rotate: expected an image of shape"):
        v.rotate(np.zeros((4,), np.uint8), 10.0)
    with pytest.raises(TypeError, match="center_crop: expected an NDArray image, got int"):
        v.center_crop(3, 2)
    with pytest.raises(TypeError, match=r"resize: size must be an int \(the shorter side\) or \(height, width\)"):
        v.resize(np.zeros((4, 4, 3), np.uint8), "big")
    with pytest.raises(ValueError, match="resize: size must be positive, got 0"):
        v.resize(np.zeros((4, 4, 3), np.uint8), 0)
    with pytest.raises(ValueError, match="resize: image over the limit|resize: image of"):
        v.resize(np.zeros((4, 4, 3), np.uint8), (100000, 100000))
    with pytest.raises(TypeError, match=r"resize: image 1: expected a uint8 image, got dtype int64"):
        v.resize([np.zeros((4, 4, 3), np.uint8), np.zeros((4, 4, 3), np.int64)], 2)
