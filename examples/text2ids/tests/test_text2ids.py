"""The example's compiled script imported from Python gives CPython's results."""
import importlib.util
import pathlib

import matx
import pytest
import text2ids

SCRIPT = pathlib.Path(__file__).resolve().parents[1] / "text2ids.py"


def _cpython():
    spec = importlib.util.spec_from_file_location("text2ids_py", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_prints_ids():
    t = text2ids.Text2Ids(["hello", "world", "[UNK]"])
    assert t("hello world unknown".split()) == [0, 1, 2]


def test_same_as_cpython():
    py = _cpython()
    words = ["a", "b", "c", "[UNK]"]
    text = "c a x b b y".split()
    assert text2ids.Text2Ids(words)(text) == py.Text2Ids(words)(text)
    assert text2ids.main() == py.main()


def test_wrong_type_names_the_parameter():
    with pytest.raises(TypeError, match="words"):
        text2ids.Text2Ids([1, 2])


def test_repr_and_errors_are_python():
    t = text2ids.Text2Ids(["x"])
    assert "Text2Ids" in repr(t)
    assert issubclass(matx.ValueError, ValueError)


def _ids(args):
    t, words = args
    return t(words)


def test_pickle_by_constructor_arguments():
    import pickle

    t = text2ids.Text2Ids(["hello", "world", "[UNK]"])
    u = pickle.loads(pickle.dumps(t))
    assert type(u) is text2ids.Text2Ids
    assert u("hello world unknown".split()) == [0, 1, 2]


def test_multiprocessing_workers():
    import multiprocessing

    t = text2ids.Text2Ids(["a", "b", "[UNK]"])
    jobs = [(t, ["a", "b", "c"]), (t, ["b", "b"]), (t, [])]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        assert pool.map(_ids, jobs) == [[0, 1, 2], [1, 1], []]


def test_torch_dataloader_workers():
    torch = pytest.importorskip("torch")

    class Words(torch.utils.data.Dataset):
        def __init__(self, t):
            self.t = t
            self.items = [["a", "b"], ["c"], ["b", "a", "z"]]

        def __len__(self):
            return len(self.items)

        def __getitem__(self, i):
            return self.t(self.items[i])

    t = text2ids.Text2Ids(["a", "b", "[UNK]"])
    loader = torch.utils.data.DataLoader(Words(t), batch_size=None, num_workers=2)
    assert sorted(map(list, loader)) == [[0, 1], [1, 0, 2], [2]]


def test_shipped_stub_is_the_generated_one(tmp_path):
    import subprocess
    import sys

    import matx.stubgen

    shipped = (SCRIPT.parent / "text2ids.pyi").read_text(encoding="utf-8")
    assert matx.stubgen.stub_text(text2ids) == shipped
    assert "class Text2Ids:" in shipped
    assert "def __call__(self, words: List[str]) -> List[int]: ..." in shipped
    # The command line writes the same file.
    r = subprocess.run(
        [sys.executable, "-m", "matx.stubgen", "text2ids", "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert r.stdout.strip().endswith("text2ids.pyi")
    assert (tmp_path / "text2ids.pyi").read_text(encoding="utf-8") == shipped
