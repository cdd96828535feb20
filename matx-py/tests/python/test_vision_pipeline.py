"""matx.vision ops called from Python are traced into a pipeline, saved, loaded, and give the same arrays (one image and a list)."""
import numpy as np
from vision_support import photo_bytes, vision as v

import matx

MEAN = [123.675, 116.28, 103.53]
STD = [58.395, 57.12, 57.375]


def pre(images):
    return v.stack(v.transpose_normalize(v.center_crop(v.resize(v.decode(images, "RGB", False, 256), 256), 224), MEAN, STD))


def test_traced_ops_save_and_load(tmp_path):
    one = photo_bytes("retina.jpg")
    batch = [one, photo_bytes("coffee.png"), photo_bytes("hubble_deep_field.jpg")]
    mod = matx.trace(pre, batch)
    assert [n["op"] for n in mod.doc["nodes"]] == [
        "vision.decode", "vision.resize", "vision.center_crop", "vision.transpose_normalize", "vision.stack"]
    mod.save(str(tmp_path / "p"))
    loaded = matx.load(str(tmp_path / "p"))
    out = np.asarray(loaded.run({"images": batch}))
    assert out.shape == (3, 3, 224, 224)
    assert np.array_equal(out, np.asarray(pre(batch)))
    single = matx.trace(lambda b: v.flip(v.decode(b), 0), one)
    single.save(str(tmp_path / "s"))
    got = matx.load(str(tmp_path / "s")).run({"b": one})
    assert np.array_equal(np.asarray(got), np.asarray(v.decode(one))[::-1])
