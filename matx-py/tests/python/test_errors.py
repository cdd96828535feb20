"""The matx exception hierarchy, runtime errors raised into Python, GIL release, and panics caught at the boundary."""

from __future__ import annotations

import builtins
import re
import threading
import time

import pytest

import matx
from matx import _matx as m

# Every kind of the one declaration (matx-macros/stubs/builtins.pyi, generated into _errors).
KINDS = [name for name, _ in matx._errors._HIERARCHY]


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_is_both_matx_error_and_builtin(kind: str) -> None:
    builtin = getattr(builtins, kind)
    with pytest.raises(builtin) as e:
        m._raise(kind, "boom")
    assert isinstance(e.value, matx.Error)
    assert type(e.value) is getattr(matx, kind)
    assert type(e.value).__module__ == "matx"
    assert str(e.value) == "boom"
    assert e.value.args == ("boom",)
    assert e.value.script_file is None


def test_hierarchy_mirrors_python() -> None:
    assert issubclass(matx.ZeroDivisionError, matx.ArithmeticError)
    assert issubclass(matx.KeyError, matx.LookupError)
    assert issubclass(matx.UnicodeDecodeError, matx.ValueError)
    assert issubclass(matx.RecursionError, RuntimeError)
    assert issubclass(matx.InternalError, matx.Error) and issubclass(matx.InternalError, RuntimeError)
    assert issubclass(matx.Error, Exception)
    with pytest.raises(LookupError):
        m._raise("IndexError", "i")


def test_python_code_can_raise_matx_classes() -> None:
    with pytest.raises(ValueError, match="plain"):
        raise matx.ValueError("plain")
    assert str(matx.UnicodeDecodeError("m")) == "m"
    e = matx.UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
    assert "can't decode byte 0xff" in str(e)
    assert repr(matx.KeyError("k")) == "KeyError('k')"


def test_location_is_in_the_message() -> None:
    with pytest.raises(matx.ValueError) as e:
        m._raise("ValueError", "bad value", 12)
    assert str(e.value) == "bad value (at script.py:12)"
    assert (e.value.script_file, e.value.script_line) == ("script.py", 12)
    assert e.value.args == ("bad value",)


def test_compiled_script_error() -> None:
    assert m._check_positive(21) == 42
    with pytest.raises(ValueError) as e:
        m._check_positive(-1)
    assert isinstance(e.value, matx.Error)
    assert str(e.value).startswith("x must be positive, got -1 (at ")
    assert e.value.script_file is not None and e.value.script_file.endswith("testing.rs")
    assert isinstance(e.value.script_line, int)


def test_key_error_keeps_the_key() -> None:
    with pytest.raises(KeyError) as e:
        m._raise_key_error("missing")
    assert e.value.args == ("missing",)
    assert str(e.value) == "'missing'"
    assert m._lookup({"a": 1}, "a") == 1
    with pytest.raises(matx.KeyError) as e2:
        m._lookup({"a": 1}, "b")
    assert e2.value.args == ("b",)
    assert str(e2.value).startswith("'b' (at ")


def test_script_exception_class_maps_to_its_builtin_base() -> None:
    with pytest.raises(matx.ValueError) as e:
        m._raise("MyError", "custom", 3)
    assert e.value.kind == "MyError"
    assert str(e.value) == "MyError: custom (at script.py:3)"


def test_gil_is_released() -> None:
    m._sleep_nogil(1)  # warm up
    threads = [threading.Thread(target=m._sleep_nogil, args=(200,)) for _ in range(2)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    assert elapsed < 0.35, f"two 200 ms calls took {elapsed:.3f} s: the GIL was held"


@pytest.mark.parametrize("nogil", [True, False])
def test_panic_becomes_internal_error(nogil: bool, capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(matx.InternalError, match="a Rust panic inside matx .*: kaboom") as e:
        m._panic("kaboom", nogil)
    assert isinstance(e.value, RuntimeError) and isinstance(e.value, Exception)
    # Where it happened travels in the exception; nothing is printed besides it.
    assert re.search(r"kaboom \(at .*testing\.rs:\d+:\d+\)$", str(e.value)), str(e.value)
    assert "panicked" not in capfd.readouterr().err
    # The interpreter is still fine afterwards.
    assert m._roundtrip([1]) == [1]


def test_panic_is_printed_when_rust_backtrace_asks(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RUST_BACKTRACE", "1")
    with pytest.raises(matx.InternalError, match="traced"):
        m._panic("traced", True)
    assert "panicked" in capfd.readouterr().err


def test_panic_in_a_thread_does_not_cross() -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            m._panic("in thread")
        except matx.InternalError as exc:
            errors.append(exc)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert len(errors) == 1
