"""The Text2Ids pipeline end to end: traced in Python, saved, moved, then loaded and run from Python, from the C program, and with `matx run` (the Rust host test reads the directory this file leaves in $MATX_PIPELINE_OUT)."""
import json
import os
import pathlib
import shutil
import subprocess

import matx
import pytest
import text2ids

ROOT = pathlib.Path(__file__).resolve().parents[3]
WORDS = ["hello", "world", "[UNK]"]
# The C-ABI build of this crate (`cargo build -p text2ids`) and the `matx` command: the test
# script builds both and names them; run alone, these tests look in the target directory.
TARGET = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
NATIVE = pathlib.Path(os.environ.get("MATX_TEXT2IDS_LIB", TARGET / "debug" / "libtext2ids.so"))
MATX_BIN = pathlib.Path(os.environ.get("MATX_BIN", TARGET / "debug" / "matx"))


def _traced():
    t = text2ids.Text2Ids(WORDS)
    return matx.trace(lambda texts: t(text2ids.tokenize(texts)), "hello world")


def _saved(tmp_path, native=None):
    """The pipeline saved, then moved: the original directory no longer exists."""
    first = tmp_path / "first"
    _traced().save(str(first), native_library=str(native) if native else None)
    moved = tmp_path / "moved"
    shutil.copytree(first, moved)
    shutil.rmtree(first)
    return moved


def test_traced_graph_runs_before_saving():
    mod = _traced()
    assert mod.input_names == ["texts"]
    assert mod.run({"texts": "hello world unknown"}) == [0, 1, 2]
    doc = mod.doc
    assert doc["format"] == "matx.pipeline" and doc["version"] == 1
    assert [n["kind"] for n in doc["nodes"]] == ["call", "method"]
    assert doc["objects"][0]["op"] == "Text2Ids"
    assert doc["objects"][0]["args"] == [WORDS]


def test_saved_pipeline_runs_after_moving(tmp_path):
    moved = _saved(tmp_path)
    p = matx.load(str(moved), device="cpu")
    assert p.run({"texts": "hello world unknown"}) == [0, 1, 2]
    assert p.inputs == [("texts", "str")]


def test_glue_and_several_outputs(tmp_path):
    t = text2ids.Text2Ids(WORDS)

    def f(texts, k):
        ids = t(text2ids.tokenize(texts))
        return ids, ids[0] + k, [ids, k]

    mod = matx.trace(f, "a b", 1)
    assert mod.run({"texts": "world hello", "k": 10}) == ([1, 0], 11, [[1, 0], 10])
    mod.save(str(tmp_path / "p"))
    assert matx.load(str(tmp_path / "p")).run({"texts": "x", "k": 0}) == ([2], 2, [[2], 0])


def test_untraceable_steps_are_errors_naming_them():
    t = text2ids.Text2Ids(WORDS)
    with pytest.raises(matx.pipeline.TraceError, match="texts.split"):
        matx.trace(lambda texts: t(texts.split()), "a")
    with pytest.raises(matx.pipeline.TraceError, match="len"):
        matx.trace(lambda texts: len(text2ids.tokenize(texts)), "a")
    with pytest.raises(matx.pipeline.TraceError, match="truth"):
        matx.trace(lambda texts: t(["a"]) if texts else 0, "a")


def test_resources_in_a_nested_config_move_with_the_directory(tmp_path):
    vocab = tmp_path / "data" / "vocab.txt"
    vocab.parent.mkdir()
    vocab.write_text("[PAD]\n[UNK]\nhello\nworld\n", encoding="utf-8")
    f = text2ids.FileText2Ids({"files": [{"vocab": str(vocab)}], "unk": "[UNK]"})
    mod = matx.trace(lambda texts: f(text2ids.tokenize(texts)), "hello")
    assert mod.run({"texts": "hello world unknown"}) == [2, 3, 1]
    moved = _saved_with(mod, tmp_path)
    shutil.rmtree(vocab.parent)
    doc = json.loads((moved / "pipeline.json").read_text())
    assert doc["objects"][0]["args"] == [
        {"dict": [["files", [{"dict": [["vocab", {"resource": "resources/vocab.txt"}]]}]], ["unk", "[UNK]"]]}
    ]
    assert (moved / "resources" / "vocab.txt").exists()
    assert matx.load(str(moved)).run({"texts": "hello world unknown"}) == [2, 3, 1]


def _saved_with(mod, tmp_path):
    first = tmp_path / "cfg-first"
    mod.save(str(first))
    moved = tmp_path / "cfg-moved"
    shutil.copytree(first, moved)
    shutil.rmtree(first)
    return moved


def test_bad_feeds_and_directories(tmp_path):
    moved = _saved(tmp_path)
    p = matx.load(str(moved))
    with pytest.raises(TypeError, match="texts"):
        p.run({})
    with pytest.raises(TypeError, match="extra"):
        p.run({"texts": "a", "extra": 1})
    with pytest.raises(TypeError, match="str"):
        p.run({"texts": 1})
    (moved / "pipeline.json").write_text('{"format": "matx.pipeline", "version": 1, "nodes": [', encoding="utf-8")
    with pytest.raises(ValueError, match="pipeline.json"):
        matx.load(str(moved))


@pytest.mark.skipif(not NATIVE.exists(), reason=f"{NATIVE} not built (scripts/run-tests.sh builds it)")
def test_c_program_and_matx_run(tmp_path):
    moved = _saved(tmp_path, native=NATIVE)
    # The Rust host test reads the same directory.
    out = os.environ.get("MATX_PIPELINE_OUT")
    if out:
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(moved, out)
    exe = tmp_path / "run_pipeline"
    subprocess.run(
        ["cc", "-std=c99", "-Wall", "-Werror", f"-I{ROOT / 'include'}", str(ROOT / "tests" / "c" / "run_pipeline.c"),
         "-o", str(exe), f"-L{NATIVE.parent}", "-ltext2ids", f"-Wl,-rpath,{NATIVE.parent}"],
        check=True,
    )
    r = subprocess.run([str(exe), str(moved), '{"texts": "hello world unknown"}'], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == [[0, 1, 2]]  # the C API gives the list of outputs
    if MATX_BIN.exists():
        r = subprocess.run([str(MATX_BIN), "run", str(moved), "--input", '{"texts": "hello world unknown"}'],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout) == [0, 1, 2]


def test_a_saved_pipeline_reads_no_file_outside_its_directory(tmp_path):
    """Issue 12: a path in pipeline.json that is a plain string (not a resource) was read
    wherever it pointed; now it must lie inside the directory, in every host."""
    vocab = tmp_path / "data" / "vocab.txt"
    vocab.parent.mkdir()
    vocab.write_text("[PAD]\n[UNK]\nhello\nworld\n", encoding="utf-8")
    # A Python caller names any file (a str or a pathlib.Path): it is the host.
    assert text2ids.Vocabulary(vocab, "[UNK]").size() == 4
    f = text2ids.FileText2Ids({"files": [{"vocab": str(vocab)}], "unk": "[UNK]"})
    moved = _saved_with(matx.trace(lambda texts: f(text2ids.tokenize(texts)), "hello"), tmp_path)
    doc = json.loads((moved / "pipeline.json").read_text())
    for outside in ["/etc/passwd", str(vocab), "../cfg-first/resources/vocab.txt"]:
        doc["objects"][0]["args"] = [{"dict": [["files", [{"dict": [["vocab", outside]]}]], ["unk", "root"]]}]
        (moved / "pipeline.json").write_text(json.dumps(doc), encoding="utf-8")
        with pytest.raises(matx.UnsafePathError, match="pipeline directory"):
            matx.load(str(moved))
    # Inside the directory, a plain string is as good as a resource.
    doc["objects"][0]["args"] = [{"dict": [["files", [{"dict": [["vocab", "resources/vocab.txt"]]}]], ["unk", "[UNK]"]]}]
    (moved / "pipeline.json").write_text(json.dumps(doc), encoding="utf-8")
    assert matx.load(str(moved)).run({"texts": "hello world x"}) == [2, 3, 1]
    assert issubclass(matx.UnsafePathError, ValueError)
    assert issubclass(matx.ResourceNotFoundError, FileNotFoundError)


def test_traced_ids_are_unique_for_nested_containers_and_objects_of_objects(tmp_path):
    """Issue 12: an entry's id was taken before its arguments were recorded, so `[[symbols]]`
    and an object whose constructor takes another compiled object reused ids, and `save`
    wrote the broken graph without complaint."""
    vocab = tmp_path / "vocab.txt"
    vocab.write_text("[PAD]\n[UNK]\nhello\nworld\n", encoding="utf-8")
    lookup = text2ids.VocabLookup(text2ids.Vocabulary(str(vocab), "[UNK]"))

    def f(texts):
        words = text2ids.tokenize(texts)
        return [[words, [lookup(words)]]], {"w": [words]}

    mod = matx.trace(f, "hello")
    for what in ("nodes", "objects"):
        ids = [e["id"] for e in mod.doc[what]]
        assert ids == list(range(len(ids))), (what, ids)
    # The object the constructor took is recorded first.
    assert [o["op"] for o in mod.doc["objects"]] == ["text.Vocabulary", "VocabLookup"]
    assert mod.doc["objects"][1]["args"] == [{"object": 0}]
    expected = ([[["hello", "x"], [[2, 1]]]], {"w": [["hello", "x"]]})
    assert mod.run({"texts": "hello x"}) == expected
    mod.save(str(tmp_path / "p"))
    assert matx.load(str(tmp_path / "p")).run({"texts": "hello x"}) == expected


def test_save_refuses_a_graph_that_does_not_load_back(tmp_path):
    t = text2ids.Text2Ids(WORDS)
    mod = matx.trace(lambda texts: t(text2ids.tokenize(texts)), "a")
    mod.doc["nodes"][1]["args"] = [{"node": 5}]  # a reference to nothing
    with pytest.raises(matx.pipeline.TraceError, match="does not load back") as e:
        mod.save(str(tmp_path / "p"))
    assert isinstance(e.value.__cause__, matx.PipelineFormatError)
    assert not (tmp_path / "p" / "pipeline.json").exists()
