"""Conversions between Python and the matx runtime, the exception hierarchy, GIL release and panics (run with ``pytest -W error``)."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

import matx
from matx import _matx as m

SCALARS = [0, -1, 2**63 - 1, -(2**63), 1.5, -0.0, float("inf"), True, False, "", "héllo ✓ 😀", b"", b"\x00\xff", None]


def same(a: Any, b: Any) -> bool:
    """Equal and of the same types, recursively (so True != 1 and (1,) != [1])."""
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(x, y) for x, y in zip(a, b)) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, set):
        return a == b and {type(x) for x in a} == {type(x) for x in b}
    if isinstance(a, float) and a != a:
        return b != b
    return bool(a == b) and repr(a) == repr(b)


@pytest.mark.parametrize("value", SCALARS, ids=repr)
def test_any_scalars_round_trip(value: Any) -> None:
    assert same(m._roundtrip(value), value)


def test_any_nan() -> None:
    r = m._roundtrip(float("nan"))
    assert isinstance(r, float) and r != r


def test_any_nested_containers() -> None:
    value = {
        "ids": [1, 2, [3, (4, "five", b"6")]],
        7: {"flags": {True, 8, "x", (1, 2)}},
        (1, "k"): None,
        2.5: [[], {}, set(), ()],
    }
    assert same(m._roundtrip(value), value)


def test_bool_stays_bool_and_int_stays_int() -> None:
    r = m._roundtrip([True, 1, False, 0, 1.0])
    assert [type(x) for x in r] == [bool, int, bool, int, float]


def test_tuples_stay_tuples() -> None:
    r = m._roundtrip(((1,), [()], (1, (2, (3,)))))
    assert same(r, ((1,), [()], (1, (2, (3,)))))


def test_str_and_bytes_are_distinct() -> None:
    assert same(m._roundtrip(["a", b"a"]), ["a", b"a"])
    with pytest.raises(TypeError, match=r"argument 'x': expected str, got bytes"):
        m._convert("str", b"a")
    with pytest.raises(TypeError, match=r"argument 'x': expected bytes, got str"):
        m._convert("bytes", "a")


def test_dict_order_is_kept() -> None:
    d = {"b": 1, "a": 2, "c": 3}
    assert list(m._roundtrip(d)) == ["b", "a", "c"]
    assert list(m._convert("Dict[str, int]", d)) == ["b", "a", "c"]


def test_results_are_fresh_python_objects() -> None:
    xs = [1, [2]]
    r = m._roundtrip(xs)
    assert r == xs and r is not xs and r[1] is not xs[1]
    assert type(r) is list


@pytest.mark.parametrize(
    "ty, value",
    [
        ("int", 5),
        ("int", -(2**63)),
        ("float", 2.5),
        ("bool", True),
        ("str", "ß"),
        ("bytes", b"\x01"),
        ("None", None),
        ("Any", [1, "a"]),
        ("Optional[int]", None),
        ("Optional[int]", 3),
        ("Optional[List[str]]", ["a"]),
        ("List[int]", [1, 2, 3]),
        ("List[float]", [0.5]),
        ("List[bool]", [True, False]),
        ("List[str]", ["a", "", "😀"]),
        ("List[bytes]", [b"x"]),
        ("List[Any]", [1, "a", None, (2,)]),
        ("List[List[int]]", [[1], [], [2, 3]]),
        ("List[Optional[int]]", [1, None]),
        ("Dict[str, int]", {"a": 1}),
        ("Dict[int, str]", {1: "a"}),
        ("Dict[str, Any]", {"a": [1, {"b": None}]}),
        ("Dict[Any, Any]", {(1, "x"): {1.5}}),
        ("Dict[str, List[float]]", {"a": [1.5, 2.0]}),
        ("Set[int]", {1, 2}),
        ("Set[str]", {"a"}),
        ("Set[Any]", {1, "a", (2, b"b")}),
        ("Tuple[int]", (1,)),
        ("Tuple[int, str]", (1, "a")),
        ("Tuple[int, str, List[bool]]", (1, "a", [True])),
        ("Tuple[int, ...]", ()),
        ("Tuple[int, ...]", (1, 2, 3)),
        ("Tuple[Any, ...]", (1, "a", [None])),
        ("List[Tuple[str, float]]", [("a", 1.0)]),
    ],
)
def test_typed_round_trip(ty: str, value: Any) -> None:
    assert same(m._convert(ty, value), value)


def test_float_parameter_refuses_int() -> None:
    # CPython would keep the int (printing 3, not 3.0): refused, like in scripts.
    with pytest.raises(TypeError, match="argument 'x': expected float, got int"):
        m._convert("float", 3)
    assert m._convert("List[float]", [1.0, 2.5]) == [1.0, 2.5]


def test_roundtrip_typed_list_str() -> None:
    assert m._roundtrip_typed_list_str(["hello", "world"]) == ["hello", "world"]
    with pytest.raises(TypeError) as e:
        m._roundtrip_typed_list_str(3)
    assert str(e.value) == "argument 'words': expected List[str], got int"


@pytest.mark.parametrize(
    "ty, value, message",
    [
        ("int", "1", "argument 'x': expected int, got str"),
        ("int", True, "argument 'x': expected int, got bool"),
        ("int", 1.0, "argument 'x': expected int, got float"),
        ("float", "1", "argument 'x': expected float, got str"),
        ("float", True, "argument 'x': expected float, got bool"),
        ("bool", 1, "argument 'x': expected bool, got int"),
        ("None", 0, "argument 'x': expected None, got int"),
        ("List[int]", (1, 2), "argument 'x': expected List[int], got tuple"),
        ("List[int]", [1, "2"], "argument 'x': expected List[int], but x[1] is str, not int"),
        ("List[List[int]]", [[1], [2, None]], "argument 'x': expected List[List[int]], but x[1][1] is NoneType, not int"),
        ("Dict[str, int]", {"a": "b"}, "argument 'x': expected Dict[str, int], but x['a'] is str, not int"),
        ("Dict[str, int]", {1: 1}, "argument 'x': expected Dict[str, int], but a key of x is int, not str"),
        ("Dict[str, int]", [("a", 1)], "argument 'x': expected Dict[str, int], got list"),
        ("Set[int]", frozenset({1}), "argument 'x': expected Set[int], got frozenset"),
        ("Set[int]", {"a"}, "argument 'x': expected Set[int], but an element of x is str, not int"),
        ("Tuple[int, str]", [1, "a"], "argument 'x': expected Tuple[int, str], got list"),
        ("Tuple[int, str]", (1, "a", 2), "argument 'x': expected Tuple[int, str], got a tuple of length 3"),
        ("Tuple[int, str]", (1, 2), "argument 'x': expected Tuple[int, str], but x[1] is int, not str"),
        ("Tuple[int, ...]", [1], "argument 'x': expected Tuple[int, ...], got list"),
        ("Optional[int]", "a", "argument 'x': expected Optional[int], got str"),
        ("List[bytes]", [bytearray(b"a")], "argument 'x': expected List[bytes], but x[0] is bytearray, not bytes"),
    ],
)
def test_wrong_types_name_the_parameter(ty: str, value: Any, message: str) -> None:
    with pytest.raises(TypeError) as e:
        m._convert(ty, value, "x")
    assert str(e.value) == message
    assert type(e.value) is TypeError


def test_any_refuses_unknown_types() -> None:
    with pytest.raises(TypeError, match=r"argument 'value': expected Any \(None, bool, int, float, str, bytes, list, tuple, dict, set, an array or a compiled object\), got object"):
        m._roundtrip(object())
    with pytest.raises(TypeError, match=r"but value\[0\]\['k'\] is frozenset"):
        m._roundtrip([{"k": frozenset()}])


def test_any_holds_numpy_arrays_as_ndarrays_without_copying() -> None:
    import numpy as np

    a = np.arange(6, dtype=np.uint8).reshape(2, 3)
    back = m._roundtrip(a)
    assert type(back) is matx.NDArray and back.shape == (2, 3)
    assert back.data_ptr() == a.__array_interface__["data"][0]
    items = m._roundtrip([a, a[:, 1:]])
    assert [x.shape for x in items] == [(2, 3), (2, 2)]
    # A class is not an array.
    with pytest.raises(TypeError, match="expected Any"):
        m._roundtrip(np.ndarray)


def test_parameter_name_is_used() -> None:
    with pytest.raises(TypeError, match=r"^argument 'tokens': expected int, got str$"):
        m._convert("int", "a", "tokens")


@pytest.mark.parametrize("big", [2**63, -(2**63) - 1, 10**30])
def test_int_beyond_64_bits_overflows(big: int) -> None:
    with pytest.raises(OverflowError, match=r"^argument 'x': int too large to convert to a 64-bit int$"):
        m._convert("int", big)
    with pytest.raises(OverflowError, match=r"^argument 'value': value\[1\]\['a'\] is an int too large"):
        m._roundtrip([0, {"a": big}])


def test_lone_surrogate_is_a_unicode_error() -> None:
    with pytest.raises(UnicodeEncodeError, match=r"surrogates not allowed in argument 'x'$"):
        m._convert("str", "\ud800")
    with pytest.raises(UnicodeEncodeError, match=r"in argument 'x' \(at x\[1\]\)$"):
        m._convert("List[str]", ["a", "b\udc80"])


def test_aliasing_is_kept() -> None:
    x = [1]
    r = m._append_to_first([x, x], 5)
    assert r == [[1, 5], [1, 5]] and r[0] is r[1]
    assert x == [1]  # the argument was converted (copied), not shared
    shared = {"a": 1}
    out = m._roundtrip([shared, shared, (shared,)])
    assert out[0] is out[1] is out[2][0]


def test_cycles_from_python() -> None:
    a: list[Any] = [1]
    a.append(a)
    r = m._roundtrip(a)
    assert r[0] == 1 and r[1] is r
    d: dict[str, Any] = {}
    d["self"] = [d]
    rd = m._roundtrip(d)
    assert rd["self"][0] is rd
    typed = m._convert("List[Any]", a)
    assert typed[1] is typed


def test_cycles_from_rust() -> None:
    r = m._cycle_from_rust()
    assert r[0] == 1 and r[1] is r and r[2] is r


def test_deep_nesting_is_a_recursion_error_not_a_crash() -> None:
    deep: list[Any] = []
    for _ in range(5000):
        deep = [deep]
    with pytest.raises(RecursionError, match=r"argument 'value': containers nested deeper than 1000"):
        m._roundtrip(deep)
    assert len(repr(m._nested_from_rust(500))) > 1000
    with pytest.raises(RecursionError):
        m._nested_from_rust(5000)


def test_large_list() -> None:
    words = [f"w{i}" for i in range(100_000)]
    assert m._roundtrip_typed_list_str(words) == words
