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
