"""Shared helpers of the vision tests: the photographs (a missing data directory fails), reference libraries, odd-size random images, and the mean absolute difference used as tolerance."""
import io
import os

import numpy as np
import pytest

# `matx.vision` ships in the matx wheel (issue 11 wires the library's ops in); until a build
# has it, these tests are reported as skipped with this reason, never as passed.
vision = pytest.importorskip("matx.vision", reason="matx.vision is not in this build of the matx wheel")

HERE = os.path.dirname(os.path.abspath(__file__))


def data_dir() -> str:
    """$MATX_DATA_DIR, else <repo>/../shared/data; a missing directory fails the test."""
    d = os.environ.get("MATX_DATA_DIR") or os.path.join(HERE, "..", "..", "..", "..", "shared", "data")
    d = os.path.abspath(d)
    if not os.path.isdir(os.path.join(d, "images")):
        pytest.fail(f"test data missing: {d}/images (set MATX_DATA_DIR)")
    return d


PHOTOS = ["astronaut.png", "chelsea.png", "coffee.png", "hubble_deep_field.jpg", "retina.jpg"]
JPEGS = ["hubble_deep_field.jpg", "retina.jpg"]
PNGS = ["astronaut.png", "chelsea.png", "coffee.png"]


def photo_bytes(name: str) -> bytes:
    with open(os.path.join(data_dir(), "images", name), "rb") as f:
        return f.read()


def photo_rgb(name: str) -> np.ndarray:
    """The photograph decoded by Pillow, as RGB uint8 HWC."""
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(photo_bytes(name))).convert("RGB"))


def odd_images(seed: int = 0):
    """Random uint8 images of awkward sizes and channel counts: (name, array)."""
    rng = np.random.default_rng(seed)
    out = []
    for h, w in [(1, 1), (3, 1000), (1001, 7), (17, 31)]:
        out.append((f"rgb{h}x{w}", rng.integers(0, 256, (h, w, 3), dtype=np.uint8)))
    out.append(("gray2d", rng.integers(0, 256, (23, 41), dtype=np.uint8)))
    out.append(("gray3d", rng.integers(0, 256, (23, 41, 1), dtype=np.uint8)))
    out.append(("rgba", rng.integers(0, 256, (29, 37, 4), dtype=np.uint8)))
    return out


def mad(a, b) -> float:
    """Mean absolute difference in levels (shapes must match)."""
    a, b = np.asarray(a), np.asarray(b)
    assert a.shape == b.shape, (a.shape, b.shape)
    return float(np.abs(a.astype(np.float64) - b.astype(np.float64)).mean())


def jpeg_of(arr: np.ndarray, quality: int = 90, **kw) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(arr.squeeze(-1) if arr.ndim == 3 and arr.shape[2] == 1 else arr).save(buf, "JPEG", quality=quality, **kw)
    return buf.getvalue()


def png_of(arr: np.ndarray) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(arr.squeeze(-1) if arr.ndim == 3 and arr.shape[2] == 1 else arr).save(buf, "PNG")
    return buf.getvalue()
