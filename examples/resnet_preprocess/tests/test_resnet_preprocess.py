"""The ResNet preprocessing example end to end: the compiled class called from Python, traced, saved, moved and loaded (Python here; the Rust host in tests/pipeline.rs reads the directory left in $MATX_PIPELINE_OUT), identical outputs everywhere; the script itself under CPython; train mode seeded and reproducible."""
import importlib.util
import os
import pathlib
import shutil

import matx
import numpy as np
import pytest
import resnet_preprocess

HERE = pathlib.Path(__file__).resolve().parent
DATA = pathlib.Path(os.environ.get("MATX_DATA_DIR") or HERE.parents[3] / "shared" / "data")
NAMES = ["hubble_deep_field.jpg", "retina.jpg", "chelsea.png"]


def photos():
    d = DATA / "images"
    if not d.is_dir():
        pytest.fail(f"test data missing: {d} (set MATX_DATA_DIR)")
    return [(d / n).read_bytes() for n in NAMES]


def test_eval_batch_is_imagenet_normalised_nchw():
    out = resnet_preprocess.ResnetPreprocess(False)(photos())
    a = np.asarray(out)
    assert a.shape == (3, 3, 224, 224) and a.dtype == np.float32 and a.flags["C_CONTIGUOUS"]
    # Reference: Pillow decode + antialiased resize + centre crop + numpy normalisation,
    # within 1 level of 255 (the JPEGs are decoded at 1/2 or 1/4 size first).
    from PIL import Image
    import io

    mean, std = np.float32([123.675, 116.28, 103.53]), np.float32([58.395, 57.12, 57.375])
    for i, b in enumerate(photos()):
        im = Image.open(io.BytesIO(b)).convert("RGB")
        w, h = im.size
        nh, nw = (256, int(256 * w / h)) if h <= w else (int(256 * h / w), 256)
        im = im.resize((nw, nh), Image.BILINEAR)
        t, l = round((nh - 224) / 2), round((nw - 224) / 2)
        ref = ((np.asarray(im.crop((l, t, l + 224, t + 224)), np.float32) - mean) / std).transpose(2, 0, 1)
        assert np.abs((a[i] - ref) * std[:, None, None]).mean() <= 1.5, NAMES[i]


def test_train_mode_is_seeded():
    p = resnet_preprocess.ResnetPreprocess(True, 7)
    a, b = np.asarray(p(photos())), np.asarray(p(photos()))
    assert a.shape == (3, 3, 224, 224) and np.array_equal(a, b)
    c = np.asarray(resnet_preprocess.ResnetPreprocess(True, 8)(photos()))
    assert not np.array_equal(a, c)


def test_traced_saved_loaded_gives_identical_output(tmp_path):
    pre = resnet_preprocess.ResnetPreprocess(False)
    images = photos()
    direct = np.asarray(pre(images))
    mod = matx.trace(lambda images: pre(images), images)
    first = tmp_path / "first"
    mod.save(str(first))
    out_dir = os.environ.get("MATX_PIPELINE_OUT")
    moved = pathlib.Path(out_dir) if out_dir else tmp_path / "moved"
    if moved.exists():
        shutil.rmtree(moved)
    shutil.copytree(first, moved)
    shutil.rmtree(first)
    loaded = matx.load(str(moved), device="cpu")
    out = loaded.run({"images": images})
    assert np.array_equal(np.asarray(out), direct)


def test_the_script_runs_under_cpython_with_the_same_result():
    # The .py file itself, executed by CPython: its `from matx.vision import ...` calls the
    # same ops, so the batch is identical to the compiled class's.
    pytest.importorskip("matx.vision", reason="matx.vision is not in this build of the matx wheel")
    spec = importlib.util.spec_from_file_location("resnet_preprocess_py", HERE.parent / "resnet_preprocess.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    for train, seed in [(False, None), (True, 3)]:
        py = np.asarray(mod.ResnetPreprocess(train, seed)(photos()))
        compiled = np.asarray(resnet_preprocess.ResnetPreprocess(train, seed)(photos()))
        assert np.array_equal(py, compiled), train
