"""matx.vision decode and encode against Pillow and OpenCV, on the photographs and on odd-size random images; bad bytes and decompression bombs.

Tolerances: JPEG decode, mean absolute difference (MAD) <= 1 level against Pillow (both use
libjpeg-turbo; IDCT and upsampling choices may differ by a level); PNG decode exact.
"""
import io
import struct
import zlib

import numpy as np
import pytest
from vision_support import JPEGS, PNGS, jpeg_of, mad, odd_images, photo_bytes, photo_rgb, png_of, vision as v

from PIL import Image, ImageOps


@pytest.mark.parametrize("name", JPEGS)
def test_jpeg_decode_matches_pillow(name):
    # Reference: Pillow's RGB decode; MAD <= 1.
    got = np.asarray(v.decode(photo_bytes(name)))
    ref = photo_rgb(name)
    assert got.dtype == np.uint8 and got.shape == ref.shape
    assert mad(got, ref) <= 1.0


@pytest.mark.parametrize("name", PNGS)
def test_png_decode_is_exact(name):
    # Reference: Pillow; exact.
    got = np.asarray(v.decode(photo_bytes(name)))
    assert np.array_equal(got, photo_rgb(name))


@pytest.mark.parametrize("name", JPEGS + PNGS)
def test_modes_bgr_gray_unchanged(name):
    data = photo_bytes(name)
    rgb = np.asarray(v.decode(data))
    # BGR is RGB reversed (exact); OpenCV's own decode within MAD <= 1.
    bgr = np.asarray(v.decode(data, "BGR"))
    assert np.array_equal(bgr, rgb[:, :, ::-1])
    import cv2

    assert mad(bgr, cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)) <= 1.0
    # GRAY: Pillow's convert("L"); exact for PNG, MAD <= 1 for JPEG (libjpeg's luma plane).
    gray = np.asarray(v.decode(data, "GRAY"))
    ref = np.asarray(Image.open(io.BytesIO(data)).convert("L"))
    assert gray.shape == ref.shape + (1,)
    if name in PNGS:
        assert np.array_equal(gray[:, :, 0], ref)
    else:
        assert mad(gray[:, :, 0], ref) <= 1.0
    assert np.asarray(v.decode(data, "UNCHANGED")).shape == rgb.shape


def test_png_keeps_alpha_and_gray_when_unchanged():
    for name, arr in odd_images(1):
        data = png_of(arr)
        got = np.asarray(v.decode(data, "UNCHANGED"))
        want = arr if arr.ndim == 3 else arr[:, :, None]
        assert np.array_equal(got, want), name
        # RGB drops alpha / repeats gray, as Pillow's convert("RGB").
        ref = np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))
        assert np.array_equal(np.asarray(v.decode(data)), ref), name


def test_reduced_decode_matches_pillow_draft_and_opencv_reduced():
    data = photo_bytes("retina.jpg")  # 1411 x 1411
    # min_side=300: 1/4 keeps 353 >= 300, 1/8 (177) would not.
    got = np.asarray(v.decode(data, "RGB", False, 300))
    assert got.shape == (353, 353, 3)
    im = Image.open(io.BytesIO(data))
    im.draft("RGB", (352, 352))  # Pillow picks the reduction 1411 // 352 = 4
    assert mad(got, np.asarray(im.convert("RGB"))) <= 1.0
    import cv2

    ref = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_REDUCED_COLOR_4)
    assert mad(got[:, :, ::-1], ref) <= 1.0
    # Never smaller than asked; PNG ignores it.
    assert np.asarray(v.decode(data, "RGB", False, 707)).shape == (1411, 1411, 3)
    assert np.asarray(v.decode(data, "RGB", False, 706)).shape == (706, 706, 3)
    assert np.asarray(v.decode(photo_bytes("chelsea.png"), "RGB", False, 10)).shape == (300, 451, 3)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_as_pillow_exif_transpose(orientation):
    arr = photo_rgb("chelsea.png")[:120, :200]
    exif = Image.Exif()
    exif[0x0112] = orientation
    buf = io.BytesIO()
    Image.fromarray(arr).save(buf, "JPEG", quality=95, exif=exif)
    data = buf.getvalue()
    ref = np.asarray(ImageOps.exif_transpose(Image.open(io.BytesIO(data))).convert("RGB"))
    got = np.asarray(v.decode(data, "RGB", True))
    assert got.shape == ref.shape
    assert mad(got, ref) <= 1.0
    # Without exif=True the stored orientation is kept.
    assert np.asarray(v.decode(data)).shape == (120, 200, 3)


def test_odd_sizes_round_trip():
    for name, arr in odd_images(2):
        if arr.ndim == 3 and arr.shape[2] == 4:
            continue
        # JPEG of random noise is lossy: check against Pillow's decode of the same bytes.
        data = jpeg_of(arr)
        ref = np.asarray(Image.open(io.BytesIO(data)))
        got = np.asarray(v.decode(data, "UNCHANGED"))
        assert mad(got.reshape(ref.shape), ref) <= 1.0, name
        # PNG is lossless: exact.
        assert np.array_equal(np.asarray(v.decode(png_of(arr), "UNCHANGED")).reshape(arr.shape), arr), name


def test_encode_jpeg_and_png():
    arr = photo_rgb("coffee.png")
    jpg = v.encode(arr, "jpeg", 95)
    assert isinstance(jpg, bytes) and jpg[:2] == b"\xff\xd8"
    back = np.asarray(Image.open(io.BytesIO(jpg)).convert("RGB"))
    assert mad(back, arr) <= 3.0  # quality 95 against the original
    png = v.encode(arr, "png")
    assert np.array_equal(np.asarray(Image.open(io.BytesIO(png))), arr)
    # BGR input is read as BGR.
    png2 = v.encode(np.ascontiguousarray(arr[:, :, ::-1]), "png", None, "BGR")
    assert np.array_equal(np.asarray(Image.open(io.BytesIO(png2))), arr)
    # Gray and RGBA PNG, gray JPEG; a list encodes each.
    for name, a in odd_images(3):
        out = v.encode([a, a], "png")
        assert len(out) == 2 and out[0] == out[1]
        ref = np.asarray(Image.open(io.BytesIO(out[0])))
        assert np.array_equal(ref.reshape(a.shape), a), name
    g = np.asarray(v.decode(v.encode(photo_rgb("chelsea.png")[:, :, :1].copy(), "jpeg"), "UNCHANGED"))
    assert g.shape == (300, 451, 1)


def _sof_patched(data: bytes, h: int, w: int) -> bytes:
    """`data` with its frame header (SOF0) declaring `h` x `w`, found by walking the markers."""
    i = 2
    while data[i + 1] != 0xC0:
        i += 2 + struct.unpack(">H", data[i + 2 : i + 4])[0]
    return data[: i + 5] + struct.pack(">HH", h, w) + data[i + 9 :]


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def test_bad_bytes_raise_value_errors_naming_the_op():
    jpg = photo_bytes("hubble_deep_field.jpg")
    png = photo_bytes("chelsea.png")
    cases = {
        b"": "decode: empty image data",
        b"GIF89a....": "decode: unknown image format",
        jpg[: len(jpg) // 2]: "decode: corrupt or truncated JPEG",
        jpg[:200]: "decode: ",
        png[: len(png) // 2]: "decode: corrupt or truncated PNG",
        png[:30]: "decode: corrupt or truncated PNG",
        b"\xff\xd8" + bytes(100): "decode: not a valid JPEG",
    }
    for data, msg in cases.items():
        with pytest.raises(ValueError) as e:
            v.decode(data)
        assert str(e.value).startswith(msg), (data[:10], str(e.value))
    # A PNG whose pixel data is damaged (CRC mismatch).
    bad = bytearray(png)
    bad[len(png) // 2] ^= 0xFF
    with pytest.raises(ValueError, match="decode: corrupt or truncated PNG"):
        v.decode(bytes(bad))
    with pytest.raises(TypeError, match="decode: expected image bytes, got str"):
        v.decode("not bytes")
    with pytest.raises(ValueError, match="decode: mode must be"):
        v.decode(jpg, "HSV")


def test_decompression_bombs_are_refused_before_decoding():
    # A valid small JPEG whose header declares 60000 x 60000 pixels.
    small = jpeg_of(np.zeros((8, 8, 3), np.uint8))
    with pytest.raises(ValueError, match=r"decode: image of 60000x60000 = 3600000000 pixels is over the limit of 178956970 pixels"):
        v.decode(_sof_patched(small, 60000, 60000))
    # A PNG declaring 100000 x 100000 (a valid header, almost no data).
    ihdr = struct.pack(">IIBBBBB", 100000, 100000, 8, 2, 0, 0, 0)
    bomb = b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + _png_chunk(b"IEND", b"")
    with pytest.raises(ValueError, match="over the limit of 178956970 pixels"):
        v.decode(bomb)
    # A zero-size image.
    with pytest.raises(ValueError, match="decode: "):
        v.decode(_sof_patched(small, 0, 8))


def test_a_batch_fails_naming_the_first_bad_index():
    good = photo_bytes("hubble_deep_field.jpg")
    with pytest.raises(ValueError, match=r"^decode: image 2: empty image data$"):
        v.decode([good, good, b"", good, b"x"])
    out = v.decode([good, photo_bytes("chelsea.png")])
    assert [np.asarray(a).shape for a in out] == [(872, 1000, 3), (300, 451, 3)]


def test_encode_refuses_bad_arguments():
    arr = np.zeros((4, 4, 3), np.uint8)
    with pytest.raises(ValueError, match="encode: format must be 'jpeg' or 'png', got 'gif'"):
        v.encode(arr, "gif")
    with pytest.raises(ValueError, match="encode: JPEG quality must be 1 to 100, got 0"):
        v.encode(arr, "jpeg", 0)
    with pytest.raises(ValueError, match="encode: JPEG has no alpha"):
        v.encode(np.zeros((4, 4, 4), np.uint8), "jpeg")
    with pytest.raises(TypeError, match="encode: expected a uint8 image, got dtype float32"):
        v.encode(np.zeros((4, 4, 3), np.float32))
    with pytest.raises(ValueError, match=r"encode: empty image \(0x4\)"):
        v.encode(np.zeros((0, 4, 3), np.uint8))
