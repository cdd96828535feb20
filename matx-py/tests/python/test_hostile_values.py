"""Values a careless or hostile caller builds never crash the runtime (issue 12): self-referential and deep containers compare and print as CPython (RecursionError), items are found identity first, and allocations that input sizes drive raise MemoryError."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

import matx


def _self_list() -> matx.List:
    a = matx.List()
    a.append(a)
    return a


def test_self_referential_lists_compare_as_cpython() -> None:
    a, b = _self_list(), _self_list()
    assert a == a
    assert repr(a) == "[[...]]"
    for op in (lambda: a == b, lambda: a < b, lambda: a in b):
        with pytest.raises(RecursionError, match="maximum recursion depth exceeded"):
            op()
    # The builtins agree.
    x, y = [], []
    x.append(x)
    y.append(y)
    with pytest.raises(RecursionError):
        x == y  # noqa: B015
    a.clear()
    b.clear()


def test_self_referential_dicts_compare_as_cpython() -> None:
    d, e = matx.Dict(), matx.Dict()
    d["x"] = d
    e["x"] = e
    assert d == d
    with pytest.raises(RecursionError):
        d == e  # noqa: B015
    assert repr(d) == "{'x': {...}}"
    d.clear()
    e.clear()


def test_nan_is_found_by_identity() -> None:
    n = float("nan")
    assert n in [n]
    assert n in matx.List([n])
    assert matx.List([n]).index(n) == 0
    assert matx.List([n]) == matx.List([n])


def test_a_list_nested_50000_deep_is_freed() -> None:
    v = matx.List()
    for _ in range(50_000):
        v = matx.List([v])
    del v


def _in_limited_child(code: str) -> str:
    """Runs `code` in a child Python limited to 2 GiB of address space (a regression must not
    take the machine's memory): its stdout."""
    prelude = "import resource\nresource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
    r = subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(code)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout.strip()


def test_a_huge_broadcast_view_tolist_is_memory_error() -> None:
    # 2**40 elements over one: tolist is refused before anything is built (numpy's own
    # tolist would build until memory runs out).
    out = _in_limited_child("""
        import numpy as np, matx
        a = matx.from_numpy(np.broadcast_to(np.zeros(1), (2**20, 2**20)))
        try:
            a.tolist()
        except MemoryError:
            print("MemoryError")
    """)
    assert out == "MemoryError"


def _chain(n: int, first: dict, each) -> dict:
    nodes = [{"id": 0, **first}]
    for i in range(1, n):
        nodes.append({"id": i, **each({"node": i - 1})})
    return nodes


def test_a_pipeline_chaining_30000_nodes_is_an_error_not_a_crash(tmp_path) -> None:
    doc = {
        "format": "matx.pipeline", "version": 1,
        "inputs": [{"name": "x", "type": "int"}],
        "nodes": _chain(30_000, {"kind": "list", "args": [{"input": "x"}]},
                        lambda prev: {"kind": "list", "args": [prev]}),
        "outputs": [{"node": 29_999}],
    }
    (tmp_path / "pipeline.json").write_text(json.dumps(doc), encoding="utf-8")
    p = matx.load(str(tmp_path))
    with pytest.raises(RecursionError):
        p.run({"x": 1})


def test_string_doubling_is_memory_error(tmp_path) -> None:
    doc = {
        "format": "matx.pipeline", "version": 1,
        "inputs": [{"name": "s", "type": "str"}],
        "nodes": _chain(64, {"kind": "binop", "operator": "+", "args": [{"input": "s"}, {"input": "s"}]},
                        lambda prev: {"kind": "binop", "operator": "+", "args": [prev, prev]}),
        "outputs": [{"node": 63}],
    }
    (tmp_path / "pipeline.json").write_text(json.dumps(doc), encoding="utf-8")
    # In a child limited to 2 GiB of address space: the allocation fails early.
    out = _in_limited_child(f"""
        import matx
        try:
            matx.load({str(tmp_path)!r}).run({{"s": "ab"}})
        except MemoryError:
            print("MemoryError")
    """)
    assert out == "MemoryError"
