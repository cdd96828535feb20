"""`matx.stubgen`: the .pyi writer refuses modules that carry no matx stub (the example's tests check a real one)."""

from __future__ import annotations

import threading

import pytest

import matx.stubgen


def test_stubgen_refuses_a_module_that_is_not_matx(capsys):
    with pytest.raises(TypeError, match="not a matx extension module"):
        matx.stubgen.stub_text(threading)
    assert matx.stubgen.main(["threading", "-o", "."]) == 1
    assert "not a matx extension module" in capsys.readouterr().err


def test_stubgen_reports_a_missing_module(capsys):
    assert matx.stubgen.main(["no_such_module_matx_test"]) == 1
    assert "no_such_module_matx_test" in capsys.readouterr().err


def test_stubgen_imports_the_matx_names_a_stub_uses():
    import types

    m = types.ModuleType("fake_ops")
    m.__matx_stub__ = "class Vocabulary:\n    def __init__(self, path: Resource, unk_token: str) -> None: ...\n"
    text = matx.stubgen.stub_text(m)
    assert "from matx import Resource\n" in text
    assert "NDArray" not in text
    # The alias the stub names: what an op's file parameter accepts from Python.
    import os
    import typing

    assert typing.get_args(matx.Resource) == (str, os.PathLike[str])
