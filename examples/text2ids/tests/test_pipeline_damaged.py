"""Damaged and hostile pipeline directories: `matx.load` raises only `matx.Error` classes (the documented pipeline classes for a damaged document, the same one `matx inspect` reports), never a raw Python exception, and never hangs (issue 12: 77 damaged documents leaked RecursionError, AttributeError, TypeError, ModuleNotFoundError; a FIFO hung every host)."""
import copy
import json
import os
import pathlib
import shutil
import subprocess
import threading

import matx
import pytest
import text2ids

ROOT = pathlib.Path(__file__).resolve().parents[3]
TARGET = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
MATX_BIN = pathlib.Path(os.environ.get("MATX_BIN", TARGET / "debug" / "matx"))

DOCUMENT_ERRORS = {
    "PipelineFormatError", "PipelineVersionError", "OpNotFoundError", "ResourceNotFoundError",
    "UnsafePathError", "FileNotFoundError",
}
HOSTILE_VALUES = [
    None, True, 0, -1, 2**40, 1.5, "", "x", "../x", "/etc/passwd", [], {}, [[]], {"x": 1},
    {"resource": "../x"}, {"resource": "/etc/passwd"}, {"object": 99}, {"node": -1},
    {"input": 7}, {"float": "nan"}, {"bytes": "zz"}, {"tuple": 1}, {"dict": [[[], 1]]},
]


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    base = tmp_path_factory.mktemp("damaged")
    vocab = base / "vocab.txt"
    vocab.write_text("[PAD]\n[UNK]\nhello\nworld\n", encoding="utf-8")
    f = text2ids.FileText2Ids({"files": [{"vocab": str(vocab)}], "unk": "[UNK]"})
    t = text2ids.Text2Ids(["hello", "world", "[UNK]"])

    def pipe(texts, k):
        words = text2ids.tokenize(texts)
        return f(words), t(words)[0] + k, [words, k]

    good = base / "good"
    matx.trace(pipe, "hello", 1).save(str(good))
    assert matx.load(str(good)).run({"texts": "hello x", "k": 1}) == ([2, 1], 1, [["hello", "x"], 1])
    return good


def _paths(v, path=()):
    """Every (path, value) inside a JSON value."""
    yield path, v
    if isinstance(v, dict):
        for k, x in v.items():
            yield from _paths(x, path + (k,))
    elif isinstance(v, list):
        for i, x in enumerate(v):
            yield from _paths(x, path + (i,))


def _set(doc, path, value, delete=False):
    doc = copy.deepcopy(doc)
    if not path:
        return value
    cur = doc
    for p in path[:-1]:
        cur = cur[p]
    if delete:
        del cur[path[-1]]
    else:
        cur[path[-1]] = value
    return doc


def _mutants(doc):
    """Documents (as text) one change away from `doc`."""
    text = json.dumps(doc)
    for path, _ in _paths(doc):
        for v in HOSTILE_VALUES:
            yield json.dumps(_set(doc, path, v))
        if path and isinstance(path[-1], str):
            yield json.dumps(_set(doc, path, None, delete=True))
    for cut in range(0, len(text), max(1, len(text) // 40)):
        yield text[:cut]
    yield "[" * 100_000
    yield '{"format": "matx.pipeline", "version": 1, "x": ' + "[" * 100_000
    yield text.replace('"version": 1', '"version": 1e400')
    yield text.replace('"version": 1', '"version": 99999999999999999999999')
    yield text.replace("resources/vocab.txt", "resources/../../../../etc/passwd")


def _load_error(directory):
    try:
        matx.load(str(directory))
    except BaseException as e:  # noqa: BLE001 - the point is which class comes out
        return e
    return None


def test_every_damaged_document_is_a_matx_error(saved, tmp_path):
    doc = json.loads((saved / "pipeline.json").read_text(encoding="utf-8"))
    d = tmp_path / "p"
    shutil.copytree(saved, d)
    seen = 0
    for text in _mutants(doc):
        (d / "pipeline.json").write_text(text, encoding="utf-8")
        e = _load_error(d)
        seen += 1
        if e is None:
            continue
        assert isinstance(e, matx.Error), f"{type(e).__module__}.{type(e).__name__}: {e}\n{text[:300]}"
        assert type(e).__module__ == "matx"
    assert seen > 400
    (d / "pipeline.json").write_bytes(b'{"format": "matx.pipeline\xff"}')
    assert type(_load_error(d)).__name__ == "PipelineFormatError"


@pytest.mark.skipif(not MATX_BIN.exists(), reason=f"{MATX_BIN} not built (scripts/run-tests.sh builds it)")
def test_python_and_matx_inspect_agree_on_damaged_documents(saved, tmp_path):
    doc = json.loads((saved / "pipeline.json").read_text(encoding="utf-8"))
    d = tmp_path / "p"
    shutil.copytree(saved, d)
    for n, text in enumerate(_mutants(doc)):
        if n % 7:
            continue
        (d / "pipeline.json").write_text(text, encoding="utf-8")
        r = subprocess.run([str(MATX_BIN), "inspect", str(d)], capture_output=True, text=True)
        if r.returncode == 0:
            continue
        kind = r.stderr.removeprefix("error: ").split(":", 1)[0]
        assert kind in DOCUMENT_ERRORS, r.stderr
        e = _load_error(d)
        assert e is not None and type(e).__name__ == kind, f"{e!r} vs {r.stderr}\n{text[:300]}"


def test_the_library_a_document_names_must_be_importable(saved, tmp_path):
    doc = json.loads((saved / "pipeline.json").read_text(encoding="utf-8"))
    d = tmp_path / "p"
    shutil.copytree(saved, d)
    for name in ["no_such_module_matx", "..relative", "has space"]:
        bad = copy.deepcopy(doc)
        for lib in bad["libraries"]:
            lib["name"] = name
        for o in bad["objects"]:
            o["library"] = name
        for node in bad["nodes"]:
            if node.get("library"):
                node["library"] = name
        (d / "pipeline.json").write_text(json.dumps(bad), encoding="utf-8")
        with pytest.raises(matx.OpNotFoundError, match="cannot be imported"):
            matx.load(str(d))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_pipeline_json_does_not_hang_matx_load(tmp_path):
    os.mkfifo(tmp_path / "pipeline.json")
    result = []
    t = threading.Thread(target=lambda: result.append(_load_error(tmp_path)), daemon=True)
    t.start()
    t.join(20)
    assert not t.is_alive(), "matx.load waited on a FIFO"
    assert isinstance(result[0], matx.UnsafePathError)
    assert "a FIFO" in str(result[0])
