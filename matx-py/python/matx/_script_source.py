"""Source collection for ``matx.script``: the object's source and the module-level functions, classes and literal constants it refers to, transitively, laid out as one script with a map back to the original lines; and the errors ``matx.script`` raises.

Split from :mod:`matx.script` (which builds, caches and imports the result).
"""

from __future__ import annotations

import ast
import inspect
import linecache
import os
import re
import sys
import types
from typing import Any, Dict, FrozenSet, Iterable, List, NamedTuple, Optional, Set, Tuple, Union

from ._errors import Error

# Compile errors: (file, line, column, message) in the original source (None: unknown).
_ErrorList = List[Tuple[Optional[str], Optional[int], Optional[int], str]]


class CargoNotFoundError(Error):
    """``matx.script`` needs Rust's ``cargo`` and ``rustc`` on ``PATH`` and found none."""


class ScriptCompileError(Error):
    """The script did not compile; ``errors`` lists ``(file, line, column, message)``
    pointing at the original source (``file`` and ``line`` are ``None`` when unknown)."""

    def __init__(self, message: str, errors: Optional[_ErrorList] = None) -> None:
        super().__init__(message)
        self.errors = list(errors or [])

    def __reduce__(self) -> Tuple[Any, Tuple[str, _ErrorList]]:
        return (type(self), (str(self.args[0]) if self.args else "", self.errors))


class SourceUnavailableError(Error):
    """The source code of the object cannot be read (defined at the prompt, by ``exec``, a
    lambda, or a builtin)."""


for _cls in (CargoNotFoundError, ScriptCompileError, SourceUnavailableError):
    _cls.__module__ = "matx"


# ---------------------------------------------------------------------------------------
# Locations
# ---------------------------------------------------------------------------------------


class _Origin(NamedTuple):
    """Where a line of the generated script came from."""

    file: str
    line: int
    col_shift: int  # columns removed from the original line (a nested definition's indent)


class _Chunk(NamedTuple):
    """A piece of the original source copied into the script (one definition)."""

    file: str
    first_line: int  # original line number of lines[0]
    lines: List[str]  # without newlines, indentation of the definition removed
    col_shift: int
    tree: ast.Module

    def origin(self, line: int, col: int) -> Tuple[str, int, int]:
        """The original ``(file, line, col)`` of a 1-based line / 0-based column of the chunk."""
        return self.file, self.first_line + line - 1, col + self.col_shift + 1


# ---------------------------------------------------------------------------------------
# Names: which module-level names a definition refers to
# ---------------------------------------------------------------------------------------

_Uses = Dict[str, Tuple[int, int]]  # name -> (line, col) of its first load in the chunk


def _targets(node: ast.AST, out: Set[str]) -> None:
    """Names bound by an assignment target."""
    for n in ast.walk(node):
        if isinstance(n, ast.Name):
            out.add(n.id)


def _assigned(body: Iterable[ast.stmt]) -> Tuple[Set[str], Set[str]]:
    """``(locals, globals)`` of a function or class body, without entering nested scopes."""
    bound: Set[str] = set()
    declared_global: Set[str] = set()
    stack: List[ast.AST] = list(body)
    while stack:
        n = stack.pop()
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(n.name)
            continue
        if isinstance(n, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            continue
        if isinstance(n, ast.Global):
            declared_global.update(n.names)
        elif isinstance(n, ast.Name) and isinstance(n.ctx, (ast.Store, ast.Del)):
            bound.add(n.id)
        elif isinstance(n, (ast.Import, ast.ImportFrom)):
            for a in n.names:
                bound.add((a.asname or a.name).split(".")[0])
        elif isinstance(n, ast.ExceptHandler) and n.name:
            bound.add(n.name)
        elif isinstance(n, ast.NamedExpr):
            _targets(n.target, bound)
        stack.extend(ast.iter_child_nodes(n))
    return bound - declared_global, declared_global


def _args(a: ast.arguments) -> List[ast.arg]:
    out = list(a.posonlyargs) + list(a.args) + list(a.kwonlyargs)
    if a.vararg:
        out.append(a.vararg)
    if a.kwarg:
        out.append(a.kwarg)
    return out


class _FreeNames:
    """Collects the names a definition loads from the module scope (Python's scoping rules:
    a name assigned anywhere in a function is local to it; class bodies do not enclose
    their methods; comprehensions have their own scope)."""

    def __init__(self) -> None:
        self.uses: _Uses = {}

    def use(self, name: str, node: ast.AST) -> None:
        if name not in self.uses:
            self.uses[name] = (getattr(node, "lineno", 1), getattr(node, "col_offset", 0))

    def annotation(self, node: Optional[ast.expr], bound: FrozenSet[str]) -> None:
        """An annotation, including string (forward) references such as ``"Node"``."""
        if node is None:
            return
        for n in ast.walk(node):
            if isinstance(n, ast.Name) and n.id not in bound:
                self.use(n.id, n)
            elif isinstance(n, ast.Constant) and isinstance(n.value, str):
                try:
                    sub = ast.parse(n.value.strip(), mode="eval")
                except SyntaxError:
                    continue
                for m in ast.walk(sub):
                    if isinstance(m, ast.Name) and m.id not in bound:
                        # Inside a string: point at the string itself.
                        self.use(m.id, n)

    def function(self, f: Union[ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda], header: FrozenSet[str], enclosing: FrozenSet[str]) -> None:
        """``header``: names bound where the ``def`` runs (defaults, decorators, annotations);
        ``enclosing``: names the body sees from enclosing functions."""
        a = f.args
        for d in list(a.defaults) + [d for d in a.kw_defaults if d is not None]:
            self.visit(d, header, enclosing)
        params = {p.arg for p in _args(a)}
        if isinstance(f, ast.Lambda):
            self.visit(f.body, enclosing | params, enclosing | params)
            return
        for d in f.decorator_list:
            self.visit(d, header, enclosing)
        for p in _args(a):
            self.annotation(p.annotation, header)
        self.annotation(f.returns, header)
        local, _ = _assigned(f.body)
        inner = frozenset(enclosing | params | local)
        for s in f.body:
            self.visit(s, inner, inner)

    def visit(self, node: ast.AST, bound: FrozenSet[str], enclosing: FrozenSet[str]) -> None:
        """``bound``: names local at this point; ``enclosing``: what a nested function sees."""
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            self.function(node, bound, enclosing)
        elif isinstance(node, ast.ClassDef):
            for e in list(node.decorator_list) + list(node.bases) + [k.value for k in node.keywords]:
                self.visit(e, bound, enclosing)
            local, _ = _assigned(node.body)
            class_bound = frozenset(bound | local)
            for s in node.body:
                if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    # Methods: the header runs in the class body, the body does not see it.
                    self.function(s, class_bound, enclosing)
                else:
                    self.visit(s, class_bound, enclosing)
        elif isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            inner = set(bound)
            for i, g in enumerate(node.generators):
                # The first iterable is evaluated in the enclosing scope.
                self.visit(g.iter, bound if i == 0 else frozenset(inner), enclosing)
                _targets(g.target, inner)
                for c in g.ifs:
                    self.visit(c, frozenset(inner), enclosing)
            fi = frozenset(inner)
            if isinstance(node, ast.DictComp):
                self.visit(node.key, fi, enclosing)
                self.visit(node.value, fi, enclosing)
            else:
                self.visit(node.elt, fi, enclosing)
        elif isinstance(node, ast.AnnAssign):
            self.annotation(node.annotation, bound)
            self.visit(node.target, bound, enclosing)
            if node.value is not None:
                self.visit(node.value, bound, enclosing)
        elif isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Load) and node.id not in bound:
                self.use(node.id, node)
        else:
            for child in ast.iter_child_nodes(node):
                self.visit(child, bound, enclosing)


def _free_names(tree: ast.Module) -> _Uses:
    fn = _FreeNames()
    for s in tree.body:
        fn.visit(s, frozenset(), frozenset())
    return fn.uses


# ---------------------------------------------------------------------------------------
# The script: the object's source and what it refers to
# ---------------------------------------------------------------------------------------

# Imports a script may have, by module (others are reported).
_SCRIPT_MODULES = ("typing", "math", "matx")


class _Script(NamedTuple):
    """The generated script text and where each of its lines came from."""

    name: str  # the object's name (what the compiled module exports)
    file_name: str  # the script's file in the crate: the original file's name
    text: str
    line_map: List[Optional[_Origin]]

    def origin(self, line: int, col: int) -> Tuple[Optional[str], Optional[int], Optional[int]]:
        """The original location of a 1-based line and column of the script."""
        if 1 <= line <= len(self.line_map):
            o = self.line_map[line - 1]
            if o is not None:
                return o.file, o.line, col + o.col_shift
        return None, None, None


def _no_source(obj: object, why: str) -> SourceUnavailableError:
    name = getattr(obj, "__qualname__", None) or repr(obj)
    return SourceUnavailableError(
        f"matx.script cannot read the source of {name!r} ({why}): define it with `def` or "
        "`class`, with type annotations, in a Python file (a module, not the interactive "
        "prompt or exec'd text), and pass that object"
    )


def _dedent(lines: List[str]) -> Tuple[List[str], int]:
    """Removes the first line's indentation from every line; returns the lines and the shift."""
    first = lines[0]
    indent = first[: len(first) - len(first.lstrip())]
    if not indent:
        return lines, 0
    out = []
    for ln in lines:
        if ln.startswith(indent):
            out.append(ln[len(indent):])
        else:
            out.append(ln.lstrip() if not ln.strip() else ln)
    return out, len(indent)


class _ScriptAliases:
    """How a module spells ``matx`` and ``matx.script`` (to drop ``@matx.script``)."""

    def __init__(self, module_tree: Optional[ast.Module]) -> None:
        self.matx: Set[str] = {"matx"}
        self.script: Set[str] = set()
        if module_tree is None:
            return
        for s in module_tree.body:
            if isinstance(s, ast.Import):
                for a in s.names:
                    if a.name == "matx":
                        self.matx.add(a.asname or "matx")
            elif isinstance(s, ast.ImportFrom) and s.module == "matx" and s.level == 0:
                for a in s.names:
                    if a.name == "script":
                        self.script.add(a.asname or "script")

    def is_script(self, d: ast.expr) -> bool:
        if isinstance(d, ast.Call):
            d = d.func
        if isinstance(d, ast.Name):
            return d.id in self.script
        return isinstance(d, ast.Attribute) and d.attr == "script" and isinstance(d.value, ast.Name) and d.value.id in self.matx


def _chunk(file: str, first_line: int, raw: List[str], aliases: _ScriptAliases, what: str) -> _Chunk:
    """A definition's lines as a chunk, ``@matx.script`` decorator lines blanked, parsed."""
    lines, shift = _dedent([ln.rstrip("\r\n") for ln in raw])
    try:
        tree = ast.parse("\n".join(lines) + "\n")
    except SyntaxError as e:
        raise SourceUnavailableError(f"matx.script could not parse the source of {what} at {file}:{first_line}: {e.msg}") from None
    if tree.body and isinstance(tree.body[0], (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        node = tree.body[0]
        blank = [d for d in node.decorator_list if aliases.is_script(d)]
        if blank:
            # A decorator (its `@` and expression) has its lines to itself: blank lines keep
            # the line numbers, and Python allows them between decorators and `def`.
            for d in blank:
                for i in range(d.lineno - 1, d.end_lineno or d.lineno):
                    lines[i] = ""
            tree = ast.parse("\n".join(lines) + "\n")
    return _Chunk(file, first_line, lines, shift, tree)


class _ModuleEntry(NamedTuple):
    """A module-level name: a definition or constant to copy, an import, or neither."""

    kind: str  # "def", "const", "import", "other"
    node: ast.stmt
    detail: str = ""  # imports: the module; other: why it cannot be used


def _literal(node: ast.expr) -> bool:
    try:
        ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False
    return True


def _module_table(tree: ast.Module) -> Dict[str, _ModuleEntry]:
    """What each module-level name is (the last binding wins, as at run time)."""
    table: Dict[str, _ModuleEntry] = {}
    for s in tree.body:
        if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            table[s.name] = _ModuleEntry("def", s)
        elif isinstance(s, ast.Assign):
            names: Set[str] = set()
            for t in s.targets:
                _targets(t, names)
            simple = len(s.targets) == 1 and isinstance(s.targets[0], ast.Name) and _literal(s.value)
            for n in names:
                table[n] = _ModuleEntry("const", s) if simple else _ModuleEntry(
                    "other", s, "it is not a literal constant (`NAME = 1`, `NAME: List[str] = [\"a\"]`)"
                )
        elif isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name):
            if s.value is not None and _literal(s.value):
                table[s.target.id] = _ModuleEntry("const", s)
            elif s.value is not None:
                table[s.target.id] = _ModuleEntry("other", s, "it is not a literal constant (`NAME: int = 1`)")
        elif isinstance(s, ast.Import):
            for a in s.names:
                table[(a.asname or a.name).split(".")[0]] = _ModuleEntry("import", s, a.name)
        elif isinstance(s, ast.ImportFrom):
            mod = "." * s.level + (s.module or "")
            for a in s.names:
                table[a.asname or a.name] = _ModuleEntry("import", s, mod)
    return table


def _source_lines(file: str, start: int, end: int) -> List[str]:
    return linecache.getlines(file)[start - 1 : end]


def _import_text(node: ast.stmt, used: Set[str]) -> Optional[str]:
    """The import statement restricted to the names the script uses (``None``: none)."""
    if isinstance(node, ast.Import):
        parts = [a for a in node.names if (a.asname or a.name).split(".")[0] in used and a.name.split(".")[0] in ("typing", "math")]
        if not parts:
            return None
        return "import " + ", ".join(a.name + (f" as {a.asname}" if a.asname else "") for a in parts)
    if isinstance(node, ast.ImportFrom):
        if node.module == "__future__":
            return "from __future__ import " + ", ".join(a.name for a in node.names)
        parts = [a for a in node.names if (a.asname or a.name) in used]
        if not parts:
            return None
        return f"from {node.module} import " + ", ".join(a.name + (f" as {a.asname}" if a.asname else "") for a in parts)
    return None


def _build_script(obj: Union[types.FunctionType, type]) -> _Script:
    """The script text of ``obj`` and the module-level code it refers to."""
    name = obj.__name__
    if name == "<lambda>":
        raise _no_source(obj, "a lambda has no name and cannot carry type annotations")
    try:
        file = inspect.getsourcefile(obj)
        raw, first_line = inspect.getsourcelines(obj)
    except (OSError, TypeError) as e:
        raise _no_source(obj, str(e)) from None
    if not file or not raw:
        raise _no_source(obj, "no source file")
    module = sys.modules.get(obj.__module__)
    module_lines = linecache.getlines(file, module.__dict__ if module is not None else None)
    module_tree: Optional[ast.Module] = None
    if module_lines:
        try:
            module_tree = ast.parse("".join(module_lines))
        except SyntaxError:
            module_tree = None
    aliases = _ScriptAliases(module_tree)
    target = _chunk(file, first_line, raw, aliases, repr(name))
    if not target.tree.body or not isinstance(target.tree.body[0], (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        raise _no_source(obj, "its source is not a `def` or `class` statement")

    table = _module_table(module_tree) if module_tree is not None else {}
    chunks: List[_Chunk] = [target]
    used_imports: Dict[int, Tuple[ast.stmt, Set[str]]] = {}
    problems: _ErrorList = []
    included: Set[str] = {name}
    starts: Set[int] = {first_line}
    queue: List[Tuple[_Chunk, _Uses]] = [(target, _free_names(target.tree))]
    while queue:
        chunk, uses = queue.pop(0)
        for used, (line, col) in uses.items():
            entry = table.get(used)
            if used in included or entry is None:
                continue  # builtins, typing names, or errors the compiler reports
            if entry.kind in ("def", "const"):
                included.add(used)
                node = entry.node
                start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
                if start in starts:
                    continue  # `A = 1; B = 2`: the line is copied once
                starts.add(start)
                c = _chunk(file, start, _source_lines(file, start, node.end_lineno or node.lineno), aliases, repr(used))
                chunks.append(c)
                queue.append((c, _free_names(c.tree)))
            elif entry.kind == "import":
                mod = entry.detail
                if mod.split(".")[0] in _SCRIPT_MODULES and not (mod == "matx" and isinstance(entry.node, ast.Import)):
                    used_imports.setdefault(id(entry.node), (entry.node, set()))[1].add(used)
                else:
                    f, ln, cl = chunk.origin(line, col)
                    what = f"is the module `{mod}`" if isinstance(entry.node, ast.Import) else f"is imported from `{mod}`"
                    problems.append((f, ln, cl, f"`{used}` {what}: a script may import only `math`, names from `typing` and `NDArray` from `matx`, and use this module's own functions, classes and literal constants"))
            else:
                f, ln, cl = chunk.origin(line, col)
                problems.append((f, ln, cl, f"`{used}` (module level, line {entry.node.lineno}) cannot be used in a script: {entry.detail}"))
    if problems:
        raise ScriptCompileError(_compile_message(name, problems), problems)

    # Pieces of the script: (original first line, lines, column shift), in source order.
    pieces: List[Tuple[int, List[str], int]] = []
    if module_tree is not None:
        for s in module_tree.body:
            if isinstance(s, ast.ImportFrom) and s.module == "__future__":
                pieces.append((s.lineno, [_import_text(s, set()) or ""], 0))
    for node, names in used_imports.values():
        text = _import_text(node, names)
        if text:
            pieces.append((node.lineno, [text], 0))
    pieces.extend((c.first_line, c.lines, c.col_shift) for c in chunks)
    pieces.sort(key=lambda p: p[0])
    return _layout(name, file, pieces)


def _layout(name: str, file: str, pieces: List[Tuple[int, List[str], int]]) -> _Script:
    """The script text: each piece at its original line when they do not overlap (so the
    compiled code's run-time errors name the original lines), else one after another."""
    out: List[str] = []
    line_map: List[Optional[_Origin]] = []
    aligned = all(a[0] + len(a[1]) <= b[0] for a, b in zip(pieces, pieces[1:]))
    for first, lines, shift in pieces:
        if aligned:
            gap = first - 1 - len(out)
        else:
            gap = 2 if out else 0
        out.extend([""] * gap)
        line_map.extend([None] * gap)
        for i, ln in enumerate(lines):
            out.append(ln)
            line_map.append(_Origin(file, first + i, shift))
    base = os.path.basename(file)
    file_name = base if re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.-]*\.py", base) else "script.py"
    return _Script(name, file_name, "\n".join(out) + "\n", line_map)


def _compile_message(name: str, errors: _ErrorList) -> str:
    lines = []
    for f, ln, cl, msg in errors:
        where = f"{f}:{ln}:{cl}: " if f is not None else ""
        lines.append(f"  {where}{msg}")
    return f"matx.script could not compile {name!r}; fix the source at these places:\n" + "\n".join(lines)
