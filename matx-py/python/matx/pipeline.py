"""Pipelines: ``matx.trace`` records the compiled calls a Python function makes into a graph, ``save`` writes it as a self-contained directory, ``matx.load`` runs a saved one.

The graph format is ``PIPELINES.md`` (``pipeline.json``, version 1). Tracing runs the
function once with :class:`Symbol` inputs; a compiled function, method or op that receives
a symbol (possibly inside a list, tuple or dict) is recorded instead of run, and returns a
new symbol. Indexing and arithmetic on symbols are recorded too. Anything else done with a
symbol (calling a Python function on it, iterating it, asking its length, using it in an
``if``) raises :class:`TraceError` naming it: a graph never freezes a traced value into a
constant.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import shutil
import sys
from typing import Any, Callable, Dict, List, Optional, Tuple

FORMAT = "matx.pipeline"
VERSION = 1

__all__ = ["Symbol", "TraceError", "TracedModule", "load", "trace"]


class TraceError(TypeError):
    """Something a traced function did with a traced value cannot be recorded."""


_BINOPS = {
    "__add__": "+", "__sub__": "-", "__mul__": "*", "__truediv__": "/", "__floordiv__": "//",
    "__mod__": "%", "__pow__": "**", "__eq__": "==", "__ne__": "!=", "__lt__": "<",
    "__le__": "<=", "__gt__": ">", "__ge__": ">=",
}


class Symbol:
    """A value that exists only when the graph runs: an input, or the result of a recorded call."""

    __slots__ = ("_tracer", "_ref", "_name")

    def __init__(self, tracer: "_Tracer", ref: Dict[str, Any], name: str) -> None:
        self._tracer = tracer
        self._ref = ref
        self._name = name

    def __repr__(self) -> str:
        return f"<traced value {self._name}>"

    def __getitem__(self, key: Any) -> "Symbol":
        return self._tracer.node("getitem", [self, key], f"{self._name}[...]")

    def __getattr__(self, name: str) -> Any:
        raise TraceError(
            f"cannot trace `{self._name}.{name}`: a traced value can only be passed to compiled "
            "functions, methods and ops (move this step into a script function)"
        )

    def _refuse(self, what: str) -> Any:
        raise TraceError(
            f"cannot trace {what} of the traced value `{self._name}`: its value is not known "
            "while tracing (move this step into a script function)"
        )

    def __iter__(self):
        return self._refuse("iteration")

    def __len__(self) -> int:
        return self._refuse("len()")

    def __bool__(self) -> bool:
        return self._refuse("truth testing (`if`, `and`, `or`, `not`)")

    def __hash__(self) -> int:
        return self._refuse("hashing")

    def __str__(self) -> str:
        return self._refuse("str()")

    def __index__(self) -> int:
        return self._refuse("use as an index")

    def __contains__(self, item: Any) -> bool:
        return self._refuse("`in`")


def _binop(name: str, op: str, reflected: bool):
    def method(self: Symbol, other: Any) -> Symbol:
        args = [other, self] if reflected else [self, other]
        return self._tracer.node("binop", args, f"({self._name} {op} ...)", operator=op)

    method.__name__ = name
    return method


for _name, _op in _BINOPS.items():
    setattr(Symbol, _name, _binop(_name, _op, False))
    if _op in ("+", "-", "*", "/", "//", "%", "**"):
        _r = "__r" + _name[2:]
        setattr(Symbol, _r, _binop(_r, _op, True))


def _contains_symbol(v: Any) -> bool:
    if isinstance(v, Symbol):
        return True
    if isinstance(v, (list, tuple)):
        return any(_contains_symbol(x) for x in v)
    if isinstance(v, dict):
        return any(_contains_symbol(k) or _contains_symbol(x) for k, x in v.items())
    return False


def _type_name(v: Any) -> str:
    if v is None:
        return "None"
    for t, name in ((bool, "bool"), (int, "int"), (float, "float"), (str, "str"), (bytes, "bytes"),
                    (list, "list"), (dict, "dict"), (tuple, "tuple"), (set, "set")):
        if isinstance(v, t):
            return name
    if type(v).__name__ == "NDArray":
        return "NDArray"
    return "Any"


def _value(v: Any, where: str) -> Any:
    """A constant as PIPELINES.md encodes values."""
    if v is None or isinstance(v, bool) or isinstance(v, str):
        return v
    if isinstance(v, os.PathLike):
        # A path given to an op's file parameter: its string (save copies the file).
        return _value(os.fspath(v), where)
    if isinstance(v, int):
        if not -(2**63) <= v < 2**63:
            raise OverflowError(f"{where}: int {v} does not fit in 64 bits")
        return v
    if isinstance(v, float):
        if v != v:
            return {"float": "nan"}
        if v in (float("inf"), float("-inf")):
            return {"float": "inf" if v > 0 else "-inf"}
        return v
    if isinstance(v, bytes):
        return {"bytes": v.hex()}
    if isinstance(v, list):
        return [_value(x, where) for x in v]
    if isinstance(v, tuple):
        return {"tuple": [_value(x, where) for x in v]}
    if isinstance(v, dict):
        return {"dict": [[_value(k, where), _value(x, where)] for k, x in v.items()]}
    if isinstance(v, (set, frozenset)):
        return {"set": [_value(x, where) for x in v]}
    raise TraceError(f"{where}: a {type(v).__name__} cannot be stored in a pipeline")


class _Tracer:
    def __init__(self) -> None:
        self.nodes: List[Dict[str, Any]] = []
        self.objects: List[Dict[str, Any]] = []
        self._object_ids: Dict[int, int] = {}
        self._keep: List[Any] = []
        self.libraries: List[str] = []

    def _library(self, name: str) -> None:
        if name and name not in self.libraries:
            self.libraries.append(name)

    def ref(self, v: Any, where: str) -> Dict[str, Any]:
        """A reference to `v`: a symbol's, a node building a container of symbols, or a constant."""
        if isinstance(v, Symbol):
            if v._tracer is not self:
                raise TraceError(f"{where}: a traced value of another trace")
            return v._ref
        if _contains_symbol(v):
            if isinstance(v, list):
                return self.node("list", list(v), "[...]")._ref
            if isinstance(v, tuple):
                return self.node("tuple", list(v), "(...)")._ref
            if isinstance(v, dict):
                flat: List[Any] = []
                for k, x in v.items():
                    flat += [k, x]
                return self.node("dict", flat, "{...}")._ref
        if hasattr(type(v), "__matx_op__"):
            return {"object": self.object(v)}
        return {"value": _value(v, where)}

    def node(self, kind: str, args: List[Any], name: str, **fields: Any) -> Symbol:
        # The arguments first: recording them may add nodes (a container of traced values)
        # and objects, which come before this node and take the ids before its own.
        refs = [self.ref(a, f"argument {i} of {name}") for i, a in enumerate(args)]
        node = {"id": len(self.nodes), "kind": kind, **fields, "args": refs}
        self.nodes.append(node)
        return Symbol(self, {"node": node["id"]}, name)

    def object(self, obj: Any) -> int:
        """The object's index, recording it (by its constructor's arguments) the first time."""
        key = id(obj)
        if key in self._object_ids:
            return self._object_ids[key]
        cls = type(obj)
        try:
            _, args = obj.__reduce__()
        except TypeError as e:
            raise TraceError(f"cannot record the {cls.__name__} object: {e}") from None
        library = cls.__module__
        self._library(library)
        # The arguments first: an argument that is another compiled object is recorded (and
        # takes its id) before this one.
        refs = [self.ref(a, f"constructor argument {i} of {cls.__name__}") for i, a in enumerate(args)]
        if key in self._object_ids:  # recorded while its arguments were
            return self._object_ids[key]
        entry = {"id": len(self.objects), "op": cls.__matx_op__, "library": library, "args": refs}
        for a in entry["args"]:
            if "node" in a or "input" in a:
                raise TraceError(f"{cls.__name__}: constructor arguments must be known before the pipeline runs")
        entry["args"] = [a["value"] if "value" in a else a for a in entry["args"]]
        self.objects.append(entry)
        self._object_ids[key] = entry["id"]
        self._keep.append(obj)
        return entry["id"]


_active: Optional[_Tracer] = None


def _record(library: str, kind: str, name: str, obj: Any, args: List[Any]) -> Optional[Symbol]:
    """Called by generated bindings while tracing: a symbol when the call is recorded."""
    tracer = _active
    if tracer is None or not any(_contains_symbol(a) for a in args if a is not None):
        return None
    # Arguments left out (defaults) are passed as they are at run time: trailing Nones.
    while args and args[-1] is None:
        args = args[:-1]
    tracer._library(library)
    if kind == "method":
        oid = tracer.object(obj)
        return tracer.node("method", list(args), f"{type(obj).__name__}.{name}(...)", object=oid, method=name)
    return tracer.node("call", list(args), f"{name}(...)", op=name, library=library)


def _matx_modules() -> List[Any]:
    return [m for m in list(sys.modules.values()) if hasattr(m, "__matx_set_tracing__")]


class TracedModule:
    """A traced graph: ``run`` it, or ``save`` it as a directory."""

    def __init__(self, doc: Dict[str, Any], keep: List[Any]) -> None:
        self.doc = doc
        self._keep = keep
        self._session: Any = None

    @property
    def input_names(self) -> List[str]:
        return [i["name"] for i in self.doc["inputs"]]

    def _library_module(self) -> Any:
        return _library_module(self.doc)

    def run(self, feed: Dict[str, Any]) -> Any:
        """Runs the graph: one output, or a tuple of them."""
        if self._session is None:
            mod = self._library_module()
            self._session = mod.__matx_session__("", json.dumps(self.doc))
        return self._session.run(feed)

    def save(self, directory: str, native_library: Optional[str] = None) -> None:
        """Writes ``directory/pipeline.json`` and copies every resource (a constructor argument
        that names an existing file or directory) under ``directory/resources``; with
        ``native_library``, copies that C-ABI shared library under ``directory/lib``.

        The written directory is loaded back (``matx.load``) before ``save`` returns: a graph
        that would not load is a :class:`TraceError` (chained to the load's error), and no
        ``pipeline.json`` is left behind."""
        os.makedirs(directory, exist_ok=True)
        doc = json.loads(json.dumps(self.doc))
        used: Dict[str, str] = {}

        def relocate(v: Any) -> Any:
            if isinstance(v, str) and v and os.path.exists(v):
                src = os.path.abspath(v)
                if src not in used:
                    base = os.path.basename(src.rstrip(os.sep)) or "resource"
                    name, n = base, 1
                    while name in used.values():
                        n += 1
                        name = f"{n}_{base}"
                    dst = os.path.join(directory, "resources", name)
                    os.makedirs(os.path.dirname(dst), exist_ok=True)
                    if os.path.isdir(src):
                        shutil.copytree(src, dst, dirs_exist_ok=True)
                    else:
                        shutil.copyfile(src, dst)
                    used[src] = name
                return {"resource": "resources/" + used[src]}
            if isinstance(v, list):
                return [relocate(x) for x in v]
            if isinstance(v, dict):
                if set(v) == {"tuple"} or set(v) == {"set"}:
                    return {k: relocate(x) for k, x in v.items()}
                if set(v) == {"dict"}:
                    return {"dict": [[relocate(k), relocate(x)] for k, x in v["dict"]]}
            return v

        for obj in doc["objects"]:
            obj["args"] = [relocate(a) for a in obj["args"]]
        if native_library is not None:
            dst = os.path.join(directory, "lib", os.path.basename(native_library))
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copyfile(native_library, dst)
            for lib in doc["libraries"]:
                lib["native"] = "lib/" + os.path.basename(native_library)
        path = os.path.join(directory, "pipeline.json")
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
        os.replace(tmp, path)
        try:
            load(directory)
        except Exception as e:
            os.remove(path)
            raise TraceError(f"the traced graph does not load back from {directory}: {e}") from e


def _library_module(doc: Dict[str, Any]) -> Any:
    libs = [lib["name"] for lib in doc.get("libraries", []) if isinstance(lib, dict) and "name" in lib]
    if len(libs) > 1:
        raise TraceError(
            "a pipeline run from Python takes its ops from one extension module; this one uses "
            + ", ".join(libs)
        )
    if not libs:
        from . import _matx

        return _matx
    try:
        return importlib.import_module(libs[0])
    except (ImportError, ValueError, TypeError) as e:  # not a module, or not a module name
        from ._errors import OpNotFoundError

        raise OpNotFoundError(
            f"the pipeline's ops come from the Python module {libs[0]!r}, which cannot be "
            f"imported: {e}"
        ) from e


def trace(fn: Callable[..., Any], *example_args: Any) -> TracedModule:
    """Runs ``fn`` once with traced inputs named after its parameters (``example_args`` give
    their types) and returns the recorded graph."""
    global _active
    params = [p for p in inspect.signature(fn).parameters.values()
              if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if len(params) != len(example_args):
        raise TypeError(f"trace: {fn.__name__} takes {len(params)} arguments, {len(example_args)} examples given")
    if _active is not None:
        raise TraceError("trace: already tracing")
    tracer = _Tracer()
    inputs = [{"name": p.name, "type": _type_name(v)} for p, v in zip(params, example_args)]
    symbols = [Symbol(tracer, {"input": p.name}, p.name) for p in params]
    modules = _matx_modules()
    _active = tracer
    for m in modules:
        m.__matx_set_tracing__(True)
    try:
        out = fn(*symbols)
    finally:
        _active = None
        for m in modules:
            m.__matx_set_tracing__(False)
    outs = list(out) if isinstance(out, tuple) else [out]
    outputs = [tracer.ref(o, f"output {i}") for i, o in enumerate(outs)]
    from . import _matx

    doc = {
        "format": FORMAT,
        "version": VERSION,
        "matx_version": _matx.__version__,
        "libraries": [{"name": n} for n in tracer.libraries],
        "inputs": inputs,
        "objects": tracer.objects,
        "nodes": tracer.nodes,
        "outputs": outputs,
    }
    return TracedModule(doc, tracer._keep)


class LoadedPipeline:
    """A pipeline loaded from a directory: ``run(feed)`` gives its outputs."""

    def __init__(self, session: Any, directory: str) -> None:
        self._session = session
        self.directory = directory

    @property
    def inputs(self) -> List[Tuple[str, str]]:
        return self._session.inputs

    def run(self, feed: Dict[str, Any]) -> Any:
        return self._session.run(feed)


def load(directory: str, device: str = "cpu") -> LoadedPipeline:
    """The pipeline saved in ``directory``, its ops taken from the extension module it names
    (imported here).

    Raises the classes PIPELINES.md lists (``matx.PipelineFormatError``,
    ``matx.PipelineVersionError``, ``matx.OpNotFoundError``, ``matx.ResourceNotFoundError``,
    ``matx.UnsafePathError``; ``FileNotFoundError`` without a ``pipeline.json``), or what an
    op's constructor raised, always a ``matx.Error``: the document is read and checked by the
    runtime first, exactly as ``matx run`` reads it, before anything is imported."""
    from . import _matx

    directory = os.fspath(directory)
    libraries = _matx.__matx_pipeline_libraries__(directory)
    if len(libraries) > 1:
        from ._errors import NotImplementedError as MatxNotImplementedError

        raise MatxNotImplementedError(
            "a pipeline run from Python takes its ops from one extension module; this one uses "
            + ", ".join(libraries)
        )
    mod = _library_module({"libraries": [{"name": n} for n in libraries]})
    return LoadedPipeline(mod.__matx_session__(directory, None, device), directory)
