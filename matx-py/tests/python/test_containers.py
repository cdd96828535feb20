"""`matx.List`, `matx.Dict`, `matx.Set` against `list`, `dict`, `set`: the same operations on the same inputs give the same results, states and exceptions (run with ``pytest -W error``)."""

from __future__ import annotations

import collections.abc
import copy
import operator
import pickle
import threading
from typing import Any, Callable, List, Tuple

import pytest

import matx
from matx import _matx as m

OBJ = object()  # one object no runtime value can hold (the same in both runs: its repr is in messages)


def plain(x: Any) -> Any:
    """`x` with every matx container replaced by the builtin of the same kind, recursively."""
    if isinstance(x, (matx.List, list)):
        return [plain(i) for i in x]
    if isinstance(x, (matx.Dict, dict)):
        return {plain(k): plain(v) for k, v in x.items()}
    if isinstance(x, (matx.Set, set)):
        return {plain(i) for i in x}
    if isinstance(x, tuple):
        return tuple(plain(i) for i in x)
    return x


def kind(e: BaseException) -> type:
    """The builtin exception class of `e` (a `matx.IndexError` is an `IndexError`)."""
    return next(c for c in type(e).__mro__ if c.__module__ == "builtins")


def outcome(op: Callable[[Any], Any], container: Any) -> Tuple[Any, ...]:
    try:
        r = op(container)
    except Exception as e:  # noqa: BLE001 - every exception is part of the comparison
        return ("raised", kind(e), str(e))
    return ("returned", type(plain(r)), plain(r))


def same_outcome(builtin: Any, mine: Any, op: Callable[[Any], Any], message: bool = True) -> None:
    expected = outcome(op, builtin)
    got = outcome(op, mine)
    if not message and expected[0] == "raised":
        expected, got = expected[:2], got[:2]
    assert got == expected
    # The state afterwards: the same contents, printed the same (sets of ints, floats and
    # tuples of them iterate in CPython's order).
    assert plain(mine) == builtin
    assert type(plain(mine)) is type(builtin)
    assert repr(mine) == repr(builtin)


# ---------------------------------------------------------------------------------------------
# list

LIST_INPUTS: List[list] = [
    [],
    [1],
    [3, 1, 2],
    [1, "a", 2.5, None, True, b"x", (1, 2)],
    [[1], [2, 3], {"k": 1}],
    [1, 2, 1, 3, 1],
    list(range(100, 0, -3)),
]


def _setitem(i: Any, v: Any) -> Callable[[Any], None]:
    return lambda xs: operator.setitem(xs, i, v)


def _delitem(i: Any) -> Callable[[Any], None]:
    return lambda xs: operator.delitem(xs, i)


LIST_OPS: List[Tuple[str, Callable[[Any], Any]]] = [
    ("len", len),
    ("bool", bool),
    ("in 1", lambda xs: 1 in xs),
    ("in 'a'", lambda xs: "a" in xs),
    ("in [1]", lambda xs: [1] in xs),
    ("in obj", lambda xs: OBJ in xs),
    ("in big", lambda xs: 2**70 in xs),
    ("iter", list),
    ("reversed", lambda xs: list(reversed(xs))),
    ("repr", repr),
    ("str", str),
    ("[0]", lambda xs: xs[0]),
    ("[-1]", lambda xs: xs[-1]),
    ("[5]", lambda xs: xs[5]),
    ("[True]", lambda xs: xs[True]),
    ("['a']", lambda xs: xs["a"]),
    ("[1.0]", lambda xs: xs[1.0]),
    ("[2**70]", lambda xs: xs[2**70]),
    ("[1:]", lambda xs: xs[1:]),
    ("[::-1]", lambda xs: xs[::-1]),
    ("[::2]", lambda xs: xs[::2]),
    ("[5:1:-1]", lambda xs: xs[5:1:-1]),
    ("[::0]", lambda xs: xs[::0]),
    ("['a':]", lambda xs: xs["a":]),
    ("[:2**70]", lambda xs: xs[: 2**70]),
    ("[-2**70:]", lambda xs: xs[-(2**70) :]),
    ("[0]=9", _setitem(0, 9)),
    ("[-1]='z'", _setitem(-1, "z")),
    ("[10]=1", _setitem(10, 1)),
    ("['a']=1", _setitem("a", 1)),
    ("[1:2]=[7,8,9]", _setitem(slice(1, 2), [7, 8, 9])),
    ("[1:2]='ab'", _setitem(slice(1, 2), "ab")),
    ("[::2]=[0]", _setitem(slice(None, None, 2), [0])),
    ("[::-1]=range", lambda xs: operator.setitem(xs, slice(None, None, -1), range(len(xs)))),
    ("[0:1]=5", _setitem(slice(0, 1), 5)),
    ("[::2]=5", _setitem(slice(None, None, 2), 5)),
    ("[:]=xs", lambda xs: operator.setitem(xs, slice(None), xs)),
    ("del [0]", _delitem(0)),
    ("del [10]", _delitem(10)),
    ("del [::2]", _delitem(slice(None, None, 2))),
    ("del [1:]", _delitem(slice(1, None))),
    ("del [::-3]", _delitem(slice(None, None, -3))),
    ("append 4", lambda xs: xs.append(4)),
    ("append [5]", lambda xs: xs.append([5])),
    ("extend [1,2]", lambda xs: xs.extend([1, 2])),
    ("extend 'ab'", lambda xs: xs.extend("ab")),
    ("extend gen", lambda xs: xs.extend(i * i for i in range(3))),
    ("extend 5", lambda xs: xs.extend(5)),
    ("extend self", lambda xs: xs.extend(xs)),
    ("insert 0", lambda xs: xs.insert(0, "x")),
    ("insert -100", lambda xs: xs.insert(-100, 1)),
    ("insert 100", lambda xs: xs.insert(100, 1)),
    ("insert 'a'", lambda xs: xs.insert("a", 1)),
    ("pop", lambda xs: xs.pop()),
    ("pop 0", lambda xs: xs.pop(0)),
    ("pop 10", lambda xs: xs.pop(10)),
    ("pop -2", lambda xs: xs.pop(-2)),
    ("pop 'a'", lambda xs: xs.pop("a")),
    ("pop None", lambda xs: xs.pop(None)),
    ("pop 2 args", lambda xs: xs.pop(0, 1)),
    ("remove 1", lambda xs: xs.remove(1)),
    ("remove 99", lambda xs: xs.remove(99)),
    ("remove obj", lambda xs: xs.remove(OBJ)),
    ("index 1", lambda xs: xs.index(1)),
    ("index 99", lambda xs: xs.index(99)),
    ("index 'a'", lambda xs: xs.index("a")),
    ("index 1, 1", lambda xs: xs.index(1, 1)),
    ("index 1, -2, 10", lambda xs: xs.index(1, -2, 10)),
    ("index 1, 0, 2**70", lambda xs: xs.index(1, 0, 2**70)),
    ("index 1, None", lambda xs: xs.index(1, None)),
    ("index obj", lambda xs: xs.index(OBJ)),
    ("count 1", lambda xs: xs.count(1)),
    ("count obj", lambda xs: xs.count(OBJ)),
    ("sort", lambda xs: xs.sort()),
    ("sort reverse", lambda xs: xs.sort(reverse=True)),
    ("sort reverse=1", lambda xs: xs.sort(reverse=1)),
    ("sort reverse='x'", lambda xs: xs.sort(reverse="x")),
    ("sort key=repr", lambda xs: xs.sort(key=repr)),
    ("sort key=neg", lambda xs: xs.sort(key=lambda x: -x)),
    ("sort key=None", lambda xs: xs.sort(key=None)),
    ("sort key raises", lambda xs: xs.sort(key=lambda x: 1 // 0)),
    ("sort key=len reverse", lambda xs: xs.sort(key=lambda x: len(repr(x)), reverse=True)),
    ("reverse", lambda xs: xs.reverse()),
    ("clear", lambda xs: xs.clear()),
    ("copy", lambda xs: xs.copy()),
    ("copy is new", lambda xs: xs.copy() is xs),
    ("+ [9]", lambda xs: xs + [9]),
    ("+ (9,)", lambda xs: xs + (9,)),
    ("* 2", lambda xs: xs * 2),
    ("2 *", lambda xs: 2 * xs),
    ("* 0", lambda xs: xs * 0),
    ("* -1", lambda xs: xs * -1),
    ("* True", lambda xs: xs * True),
    ("* 'a'", lambda xs: xs * "a"),
    ("* 2.0", lambda xs: xs * 2.0),
    ("+= [1]", lambda xs: operator.iadd(xs, [1]) is xs),
    ("+= 'ab'", lambda xs: operator.iadd(xs, "ab") is xs),
    ("+= 5", lambda xs: operator.iadd(xs, 5)),
    ("*= 2", lambda xs: operator.imul(xs, 2) is xs),
    ("*= 0", lambda xs: operator.imul(xs, 0) is xs),
    ("== [1]", lambda xs: xs == [1]),
    ("== copy", lambda xs: xs == list(xs)),
    ("!= [1]", lambda xs: xs != [1]),
    ("== (1,)", lambda xs: xs == (1,)),
    ("< [2]", lambda xs: xs < [2]),
    ("<= [3, 1, 2]", lambda xs: xs <= [3, 1, 2]),
    ("> [1, 'a']", lambda xs: xs > [1, "a"]),
    (">= []", lambda xs: xs >= []),
    ("< [1, 'b']", lambda xs: xs < [1, "b"]),
]


# The key function sees a `matx.List` where it would see a `list`: messages name the type.
LIST_TYPE_ONLY = {"sort key=neg"}


@pytest.mark.parametrize("inp", LIST_INPUTS, ids=repr)
@pytest.mark.parametrize("name,op", LIST_OPS, ids=[n for n, _ in LIST_OPS])
def test_list_matches_builtin(name: str, op: Callable[[Any], Any], inp: list) -> None:
    same_outcome(copy.deepcopy(inp), matx.List(copy.deepcopy(inp)), op, name not in LIST_TYPE_ONLY)


# ---------------------------------------------------------------------------------------------
# dict

DICT_INPUTS: List[dict] = [
    {},
    {"a": 1},
    {"a": 1, "b": [2], 3: None, (1, 2): "c", 2.5: {"x": {1}}},
    {1: "x", True: "y", 1.0: "z", 2: "w"},
]

DICT_OPS: List[Tuple[str, Callable[[Any], Any], bool]] = [
    ("len", len, True),
    ("bool", bool, True),
    ("in 'a'", lambda d: "a" in d, True),
    ("in 1.0", lambda d: 1.0 in d, True),
    ("in [1]", lambda d: [1] in d, True),
    ("in obj", lambda d: OBJ in d, True),
    ("iter", list, True),
    ("reversed", lambda d: list(reversed(d)), True),
    ("repr", repr, True),
    ("str", str, True),
    ("['a']", lambda d: d["a"], True),
    ("['zz']", lambda d: d["zz"], True),
    ("[True]", lambda d: d[True], True),
    ("[[1]]", lambda d: d[[1]], True),
    ("[obj]", lambda d: d[OBJ], True),
    ("[(1, 2)]", lambda d: d[(1, 2)], True),
    ("['n']=5", lambda d: operator.setitem(d, "n", 5), True),
    ("['a']=[1]", lambda d: operator.setitem(d, "a", [1]), True),
    ("[1.0]=1", lambda d: operator.setitem(d, 1.0, 1), True),
    ("[[1]]=2", lambda d: operator.setitem(d, [1], 2), True),
    ("[(1, [2])]=2", lambda d: operator.setitem(d, (1, [2]), 2), True),
    ("del ['a']", lambda d: operator.delitem(d, "a"), True),
    ("del ['zz']", lambda d: operator.delitem(d, "zz"), True),
    ("del [obj]", lambda d: operator.delitem(d, OBJ), True),
    ("get 'a'", lambda d: d.get("a"), True),
    ("get 'zz'", lambda d: d.get("zz"), True),
    ("get 'zz', 5", lambda d: d.get("zz", 5), True),
    ("get obj, obj", lambda d: d.get(OBJ, OBJ) is OBJ, True),
    ("get [1]", lambda d: d.get([1]), True),
    ("pop 'a'", lambda d: d.pop("a"), True),
    ("pop 'zz'", lambda d: d.pop("zz"), True),
    ("pop 'zz', None", lambda d: d.pop("zz", None), True),
    ("pop obj, obj", lambda d: d.pop(OBJ, OBJ) is OBJ, True),
    ("pop 3 args", lambda d: d.pop("a", 1, 2), True),
    ("popitem", lambda d: d.popitem(), True),
    ("setdefault 'a', 9", lambda d: d.setdefault("a", 9), True),
    ("setdefault 'q', [1]", lambda d: d.setdefault("q", [1]), True),
    ("setdefault append", lambda d: d.setdefault("q", []).append(1), True),
    ("setdefault 'q'", lambda d: d.setdefault("q"), True),
    ("update dict", lambda d: d.update({"z": 1, "a": 2}), True),
    ("update pairs", lambda d: d.update([("k", 2), ("a", 3)]), True),
    ("update kwargs", lambda d: d.update(x=1, a=5), True),
    ("update both", lambda d: d.update({"y": 1}, a=5), True),
    ("update self", lambda d: d.update(d), True),
    ("update 5", lambda d: d.update(5), True),
    ("update None", lambda d: d.update(None), True),
    ("update [1]", lambda d: d.update([1]), True),
    ("update [(1, 2, 3)]", lambda d: d.update([(1, 2, 3)]), True),
    ("update [([1], 2)]", lambda d: d.update([([1], 2)]), False),
    ("keys", lambda d: list(d.keys()), True),
    ("values", lambda d: list(d.values()), True),
    ("items", lambda d: list(d.items()), True),
    ("clear", lambda d: d.clear(), True),
    ("copy", lambda d: d.copy(), True),
    ("| dict", lambda d: d | {"q": 1, "a": 0}, True),
    ("| [1]", lambda d: d | [1], False),
    ("|= dict", lambda d: operator.ior(d, {"w": 1}) is d, True),
    ("|= pairs", lambda d: operator.ior(d, [("w", 1)]) is d, True),
    ("|= 5", lambda d: operator.ior(d, 5), True),
    ("== {'a': 1}", lambda d: d == {"a": 1}, True),
    ("== copy", lambda d: d == dict(d), True),
    ("!= {}", lambda d: d != {}, True),
    ("== [1]", lambda d: d == [1], True),
    ("< {}", lambda d: d < {}, False),
]


@pytest.mark.parametrize("inp", DICT_INPUTS, ids=repr)
@pytest.mark.parametrize("name,op,message", DICT_OPS, ids=[n for n, _, _ in DICT_OPS])
def test_dict_matches_builtin(name: str, op: Callable[[Any], Any], message: bool, inp: dict) -> None:
    same_outcome(copy.deepcopy(inp), matx.Dict(copy.deepcopy(inp)), op, message)


# ---------------------------------------------------------------------------------------------
# set

# Lists: `set(xs)` and `matx.Set(xs)` add the same items in the same order (a set converted
# from a Python set is rebuilt in that set's iteration order, which after collisions can lay
# the table out differently from the original).
SET_INPUTS: List[list] = [
    [],
    [1],
    [1, 2, 3],
    [3, 10, 100, -1, 2.5, (1, 2), True, 17, 33, 1.0],
    list(range(0, 60, 7)),
]

SET_OPS: List[Tuple[str, Callable[[Any], Any], bool]] = [
    ("len", len, True),
    ("bool", bool, True),
    ("in 1", lambda s: 1 in s, True),
    ("in 1.0", lambda s: 1.0 in s, True),
    ("in [1]", lambda s: [1] in s, True),
    ("in obj", lambda s: OBJ in s, True),
    ("iter", list, True),
    ("repr", repr, True),
    ("add 4", lambda s: s.add(4), True),
    ("add (1, 2)", lambda s: s.add((1, 2)), True),
    ("add [1]", lambda s: s.add([1]), True),
    ("discard 1", lambda s: s.discard(1), True),
    ("discard 99", lambda s: s.discard(99), True),
    ("discard obj", lambda s: s.discard(OBJ), True),
    ("discard [1]", lambda s: s.discard([1]), True),
    ("remove 1", lambda s: s.remove(1), True),
    ("remove 99", lambda s: s.remove(99), True),
    ("remove obj", lambda s: s.remove(OBJ), True),
    ("remove [1]", lambda s: s.remove([1]), True),
    ("pop", lambda s: s.pop(), True),
    ("clear", lambda s: s.clear(), True),
    ("copy", lambda s: s.copy(), True),
    ("union", lambda s: s.union(), True),
    ("union list", lambda s: s.union([1, 5, 40]), True),
    ("union set, list", lambda s: s.union({7, 64}, [8]), True),
    ("union 5", lambda s: s.union(5), True),
    ("union [[1]]", lambda s: s.union([[1]]), True),
    ("intersection list", lambda s: s.intersection([2, 1, 100]), True),
    ("intersection sets", lambda s: s.intersection({1, 3, 17}, {1, 17, 99}), True),
    ("difference list", lambda s: s.difference([1]), True),
    ("difference set, list", lambda s: s.difference({1}, [2, 3]), True),
    ("difference none", lambda s: s.difference(), True),
    ("symmetric_difference list", lambda s: s.symmetric_difference([1, 9, 9]), True),
    ("symmetric_difference set", lambda s: s.symmetric_difference({1, 9, 33}), True),
    ("update", lambda s: s.update([5], {6, 1}), True),
    ("update self", lambda s: s.update(s), True),
    ("intersection_update", lambda s: s.intersection_update([1, 3], {3, 1, 2}), True),
    ("difference_update", lambda s: s.difference_update({1}, [17]), True),
    ("symmetric_difference_update", lambda s: s.symmetric_difference_update([1, 9]), True),
    ("symmetric_difference_update self", lambda s: s.symmetric_difference_update(s), True),
    ("issubset", lambda s: s.issubset([1, 2, 3, 4]), True),
    ("issubset set", lambda s: s.issubset({1, 2, 3}), True),
    ("issuperset", lambda s: s.issuperset([1]), True),
    ("isdisjoint", lambda s: s.isdisjoint({9}), True),
    ("isdisjoint [1]", lambda s: s.isdisjoint([1]), True),
    ("| set", lambda s: s | {9, 1}, True),
    ("| frozenset", lambda s: s | frozenset({9}), True),
    ("& set", lambda s: s & {1, 3, 10}, True),
    ("- set", lambda s: s - {1}, True),
    ("^ set", lambda s: s ^ {1, 9}, True),
    ("| [1]", lambda s: s | [1], False),
    ("|= set", lambda s: operator.ior(s, {9}) is s, True),
    ("&= set", lambda s: operator.iand(s, {1, 2}) is s, True),
    ("-= set", lambda s: operator.isub(s, {1}) is s, True),
    ("^= set", lambda s: operator.ixor(s, {1, 4}) is s, True),
    ("|= [1]", lambda s: operator.ior(s, [1]), False),
    ("== {1}", lambda s: s == {1}, True),
    ("== frozenset", lambda s: s == frozenset({1, 2, 3}), True),
    ("!= {1}", lambda s: s != {1}, True),
    ("== [1]", lambda s: s == [1], True),
    ("< set", lambda s: s < {1, 2, 3, 4}, True),
    ("<= set", lambda s: s <= {1, 2, 3}, True),
    ("> set", lambda s: s > set(), True),
    (">= {1}", lambda s: s >= {1}, True),
    ("< [1]", lambda s: s < [1], False),
]


@pytest.mark.parametrize("inp", SET_INPUTS, ids=repr)
@pytest.mark.parametrize("name,op,message", SET_OPS, ids=[n for n, _, _ in SET_OPS])
def test_set_matches_builtin(name: str, op: Callable[[Any], Any], message: bool, inp: list) -> None:
    same_outcome(set(inp), matx.Set(inp), op, message)


def test_set_of_strings_prints_like_a_set() -> None:
    s = matx.Set("abca")
    assert s == {"a", "b", "c"} and len(s) == 3
    assert repr(s)[0] == "{" and sorted(eval(repr(s))) == ["a", "b", "c"]


# ---------------------------------------------------------------------------------------------
# construction, repr, hashing, typing


def test_constructors() -> None:
    assert matx.List() == [] and matx.List("ab") == ["a", "b"] and matx.List(range(3)) == [0, 1, 2]
    assert matx.List(matx.Set([1])) == [1] and matx.List(matx.Dict({"a": 1})) == ["a"]
    assert matx.Dict() == {} and matx.Dict([("a", 1), ("b", 2)]) == {"a": 1, "b": 2}
    assert matx.Dict({"a": 1}, b=2) == {"a": 1, "b": 2} and matx.Dict(x=1) == {"x": 1}
    assert matx.Dict.fromkeys("ab", 0) == dict.fromkeys("ab", 0)
    assert matx.Dict.fromkeys([1, 2]) == {1: None, 2: None}
    assert matx.Set() == set() and matx.Set([1, 1, 2]) == {1, 2} and matx.Set(matx.List([3])) == {3}
    for make in (matx.List, matx.Dict, matx.Set):
        for bad in (5, None):
            with pytest.raises(TypeError, match=f"'{type(bad).__name__}' object is not iterable"):
                make(bad)
    with pytest.raises(TypeError, match="list expected at most 1 argument, got 2"):
        matx.List([], [])
    with pytest.raises(TypeError, match="unhashable type: 'list'"):
        matx.Set([[1]])
    with pytest.raises(ValueError, match="dictionary update sequence element #0 has length 1; 2 is required"):
        matx.Dict(["a"])


def test_copies_are_independent() -> None:
    a = matx.List([1, [2]])
    b = matx.List(a)
    b.append(3)
    b[1].append(4)  # shallow, as list(a): the inner list is shared
    assert a == [1, [2, 4]] and b == [1, [2, 4], 3]
    d = matx.Dict({"k": 1})
    e = matx.Dict(d)
    e["j"] = 2
    assert d == {"k": 1}
    s = matx.Set([1])
    t = matx.Set(s)
    t.add(2)
    assert s == {1}


def test_values_that_do_not_fit_raise() -> None:
    with pytest.raises(TypeError, match=r"expected List\[Any\], but iterable\[0\] is object"):
        matx.List([object()])
    with pytest.raises(OverflowError):
        matx.List([2**70])
    xs = matx.List()
    with pytest.raises(TypeError, match="argument 'object': expected Any"):
        xs.append(object())
    assert xs == []


def test_repr_is_the_builtins() -> None:
    values = [[], [1, "a'b", 'q"', 2.5, -0.0, 1e100, None, True, b"\x00", (1,), ()], [[[]]], [{"a": [1]}, set()]]
    for v in values:
        assert repr(matx.List(v)) == repr(v) == str(matx.List(v))
    assert repr(matx.Dict({"a": 1, 2: [3], (4,): {5: 6}})) == repr({"a": 1, 2: [3], (4,): {5: 6}})
    assert repr(matx.Set()) == "set()" and repr(matx.Set([1, 2])) == "{1, 2}"
    assert repr(matx.Dict()) == "{}"
    r = matx.List([1])
    r.append(r)
    assert repr(r) == "[1, [...]]"
    r.clear()
    d = matx.Dict()
    d["self"] = d
    assert repr(d) == "{'self': {...}}"
    d.clear()


def test_equality_both_ways_and_across_kinds() -> None:
    assert [1, [2]] == matx.List([1, [2]]) and matx.List([1, [2]]) == [1, [2]]
    assert matx.List([1]) == matx.List([1.0]) and matx.List([1]) != matx.List([2])
    assert {"a": 1} == matx.Dict({"a": 1}) and matx.Dict({"a": 1}) != {"a": 2}
    assert {1, 2} == matx.Set([2, 1]) and frozenset({1}) == matx.Set([1])
    assert matx.List([1]) != matx.Set([1]) and matx.Dict() != matx.List()
    assert [1] < matx.List([2]) and matx.List([1]) < matx.List([1, 0])
    assert {1} < matx.Set([1, 2])


def test_unhashable_like_the_builtins() -> None:
    for c in (matx.List(), matx.Dict(), matx.Set()):
        with pytest.raises(TypeError, match="unhashable type"):
            hash(c)
        with pytest.raises(TypeError, match="unhashable type"):
            {c}  # noqa: B018
        assert not isinstance(c, collections.abc.Hashable)


def test_registered_with_the_abcs() -> None:
    assert isinstance(matx.List(), collections.abc.MutableSequence)
    assert isinstance(matx.Dict(), collections.abc.MutableMapping)
    assert isinstance(matx.Set(), collections.abc.MutableSet)
    assert matx.List.__module__ == "matx" and matx.List.__name__ == "List"
    assert matx.List[int] == matx.List[int] and matx.Dict[str, int].__args__ == (str, int)
    match matx.List([1, 2]):
        case [a, b]:
            assert (a, b) == (1, 2)
        case _:
            pytest.fail("a matx.List matches a sequence pattern")


def test_builtin_on_the_left_of_an_operator() -> None:
    with pytest.raises(TypeError):
        [1] + matx.List([2])  # noqa: B018  (as list + tuple)
    with pytest.raises(TypeError):
        {1} | matx.Set([2])  # noqa: B018
    xs = [1]
    xs += matx.List([2])  # list += iterable extends
    assert xs == [1, 2] and type(xs) is list


# ---------------------------------------------------------------------------------------------
# aliasing: values read out share the stored containers


def test_nested_containers_alias() -> None:
    xs = matx.List([[1], {"k": [2]}, {3}, (4, [5])])
    assert type(xs[0]) is matx.List and type(xs[1]) is matx.Dict and type(xs[2]) is matx.Set
    xs[0].append(2)
    xs[1]["k"].append(3)
    xs[2].add(4)
    xs[3][1].append(6)
    assert xs == [[1, 2], {"k": [2, 3]}, {3, 4}, (4, [5, 6])]
    for inner in xs[:1]:
        inner.append(9)
    assert xs[0] == [1, 2, 9]
    d = matx.Dict()
    d.setdefault("words", []).append("a")
    d.setdefault("words", []).append("b")
    assert d == {"words": ["a", "b"]}
    ys = matx.List([0])
    xs.append(ys)  # stored as itself
    ys.append(1)
    assert xs[-1] == [0, 1]
    built = [0]
    xs.append(built)  # a builtin is copied
    built.append(1)
    assert xs[-1] == [0]


def test_iteration_sees_changes_like_the_builtins() -> None:
    for make in (list, matx.List):
        xs = make([1, 2])
        seen = []
        for x in xs:
            seen.append(x)
            if x < 4:
                xs.append(x + 2)
        assert seen == [1, 2, 3, 4, 5]
    for make_d in (dict, matx.Dict):
        d = make_d({"a": 1})
        with pytest.raises(RuntimeError, match="dictionary changed size during iteration"):
            for k in d:
                d[k + k] = 1
    for make_s in (set, matx.Set):
        s = make_s([1])
        with pytest.raises(RuntimeError, match="Set changed size during iteration"):
            for x in s:
                s.add(x + 1)


# ---------------------------------------------------------------------------------------------
# pickling and copying


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_round_trip(protocol: int) -> None:
    shared = [1]
    values = [
        matx.List([1, "a", [2, (3, b"4")], {"k": {5}}, shared, shared]),
        matx.Dict({"a": [1], 2: (3, None), (4, 5): 6.5}),
        matx.Set([1, "x", (2, 3)]),
    ]
    for v in values:
        back = pickle.loads(pickle.dumps(v, protocol))
        assert type(back) is type(v) and back == v and repr(back) == repr(v) and back is not v
    back = pickle.loads(pickle.dumps(values[0], protocol))
    back[4].append(2)  # aliasing inside one value survives
    assert back[5] == [1, 2]


def test_copy_and_deepcopy() -> None:
    xs = matx.List([[1]])
    shallow = copy.copy(xs)
    deep = copy.deepcopy(xs)
    xs[0].append(2)
    assert type(shallow) is matx.List and shallow == [[1, 2]]
    assert type(deep) is matx.List and deep == [[1]]


# ---------------------------------------------------------------------------------------------
# passing to compiled code


def test_any_parameter_gets_the_same_container() -> None:
    xs = matx.List([0])
    m._append_one(xs)
    assert xs == [0, 1]
    m._append_one(xs)
    assert xs == [0, 1, 1]
    nested = matx.List([[5]])
    m._append_one(nested[0])
    assert nested == [[5, 1]]
    d = matx.Dict()
    m._put(d, "k", [1])
    assert d == {"k": [1]}
    s = matx.Set([1])
    m._add_elem(s, 2)
    assert s == {1, 2}
    builtin = [0]
    m._append_one(builtin)  # a builtin list is converted: the script changes a copy
    assert builtin == [0]


def test_list_of_any_parameter_shares_too() -> None:
    xs = matx.List(["a"])
    assert m._push(xs, 1) == 2 and m._push(xs, [2]) == 3
    assert xs == ["a", 1, [2]]
    assert m._push(["a"], 1) == 2  # a builtin: converted
    inner = matx.List()
    outer = [inner]
    m._append_one(outer[0])
    assert inner == [1]


def test_typed_parameters_convert_element_by_element() -> None:
    assert m._total(matx.List([1, 2, 3])) == 6 and m._total(matx.List()) == 0
    for bad in ([1, "a"], [1, 2.5], [None]):
        with pytest.raises(TypeError) as builtin_err:
            m._total(bad)
        with pytest.raises(TypeError) as matx_err:
            m._total(matx.List(bad))
        assert str(matx_err.value) == str(builtin_err.value)
    assert str(builtin_err.value) == "argument 'xs': expected List[int], but xs[0] is NoneType, not int"
    with pytest.raises(TypeError, match=r"argument 'xs': expected List\[int\], got Dict"):
        m._total(matx.Dict())
    assert m._convert("Dict[str, int]", matx.Dict({"a": 1})) == {"a": 1}
    assert m._convert("Dict[str, List[float]]", matx.Dict({"a": matx.List([1.5])})) == {"a": [1.5]}
    assert m._convert("Set[int]", matx.Set([1, 2])) == {1, 2}
    assert m._convert("List[List[int]]", matx.List([[1], matx.List([2])])) == [[1], [2]]
    assert m._convert("Optional[List[str]]", matx.List(["a"])) == ["a"]
    with pytest.raises(TypeError, match=r"expected Dict\[str, int\], but x\['a'\] is str, not int"):
        m._convert("Dict[str, int]", matx.Dict({"a": "b"}))
    with pytest.raises(TypeError, match=r"expected Set\[int\], got List"):
        m._convert("Set[int]", matx.List())
    # Results of compiled functions stay Python builtins.
    r = m._convert("Any", matx.List([1, matx.Dict({"k": matx.Set([2])})]))
    assert r == [1, {"k": {2}}] and type(r) is list and type(r[1]) is dict and type(r[1]["k"]) is set


def test_typed_conversion_keeps_aliasing() -> None:
    a = matx.List([1])
    xs = matx.List([a, a])
    assert m._append_to_first(xs, 2) == [[1, 2], [1, 2]]
    assert xs == [[1], [1]]  # List[List[int]] is a conversion, not the same lists
    assert m._append_to_first([a, a], 3) == [[1, 3], [1, 3]]


def test_typed_conversion_of_a_cycle_terminates() -> None:
    xs = matx.List([1])
    xs.append(xs)
    r = m._convert("List[Any]", xs)
    assert r[1] is r and r[0] == 1
    r2 = m._roundtrip(xs)
    assert r2[1] is r2
    xs.clear()


class _ForeignList:
    """Stands for a `matx.List` made by another extension binary's copy of matx-py (another
    Python type of the same name), whose runtime list cannot be shared: it arrives as a copy."""

    __module__ = "matx"

    def __init__(self, items: list) -> None:
        self.items = items

    def __reduce__(self) -> Any:
        return (_ForeignList, (list(self.items),))


_ForeignList.__name__ = _ForeignList.__qualname__ = "List"


def test_a_foreign_matx_list_converts_as_a_copy() -> None:
    f = _ForeignList([1, [2]])
    assert m._roundtrip(f) == [1, [2]]
    assert m._total(_ForeignList([1, 2])) == 3
    m._append_one(f)
    assert f.items == [1, [2]]
    with pytest.raises(TypeError, match=r"expected Dict\[str, int\], got List"):
        m._convert("Dict[str, int]", f)


# ---------------------------------------------------------------------------------------------
# threads


def test_two_threads_append_to_one_list() -> None:
    xs = matx.List()
    n = 20000

    def work(tag: int) -> None:
        for i in range(n):
            xs.append((tag, i))

    threads = [threading.Thread(target=work, args=(t,)) for t in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(xs) == 2 * n
    for tag in range(2):
        assert [i for t, i in xs if t == tag] == list(range(n))


def test_compiled_code_and_python_share_a_list_across_threads() -> None:
    xs = matx.List()
    n = 2000

    def compiled() -> None:
        for _ in range(n):
            m._append_one(xs)  # runs with the GIL released

    def python() -> None:
        for _ in range(n):
            xs.append(2)

    threads = [threading.Thread(target=compiled), threading.Thread(target=python)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(xs) == 2 * n and xs.count(1) == n and xs.count(2) == n
