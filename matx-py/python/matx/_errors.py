"""The matx exception hierarchy: `matx.Error` and one subclass per Python exception kind.

Each class derives from both its matx parent and the Python builtin of the same name, so
``except ValueError`` and ``except matx.Error`` both catch a script's ``raise ValueError``.
Every compiled extension module looks these classes up here (one hierarchy shared by all
of them), through ``_from_matx``.
"""

from __future__ import annotations

import ast
import builtins
from typing import Dict, List, Optional, Tuple, Type

__all__ = ["Error", "InternalError"]


class Error(Exception):
    """Base class of every exception raised by compiled matx code.

    ``script_file`` and ``script_line`` tell where a script raised it (``None`` when
    unknown); ``kind`` is the script's own class name (``MyError`` for a
    ``class MyError(ValueError)`` raised in a script, which arrives as ``matx.ValueError``).
    """

    script_file: Optional[str] = None
    script_line: Optional[int] = None
    kind: Optional[str] = None
    _matx_str: Optional[str] = None

    def __str__(self) -> str:
        if self._matx_str is not None:
            return self._matx_str
        return super().__str__()


class InternalError(Error, RuntimeError):
    """A Rust panic inside matx or an op, caught at the boundary: a bug to report."""


# (name, matx parent), each after its parent. Generated from the one declaration of the
# hierarchy (the exception classes of matx-macros/stubs/builtins.pyi): after changing it, run
# `MATX_BLESS=1 cargo test -p matx --test exception_tables`.
# BEGIN generated: exception hierarchy
_HIERARCHY: Tuple[Tuple[str, str], ...] = (
    ("SystemExit", "Error"),
    ("KeyboardInterrupt", "Error"),
    ("GeneratorExit", "Error"),
    ("ArithmeticError", "Error"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Error"),
    ("AttributeError", "Error"),
    ("BufferError", "Error"),
    ("EOFError", "Error"),
    ("ImportError", "Error"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Error"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Error"),
    ("NameError", "Error"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Error"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Error"),
    ("RuntimeError", "Error"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopAsyncIteration", "Error"),
    ("StopIteration", "Error"),
    ("SyntaxError", "Error"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Error"),
    ("TypeError", "Error"),
    ("ValueError", "Error"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Error"),
    ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("UserWarning", "Warning"),
)
# END generated: exception hierarchy

# The pipeline exception classes (PIPELINES.md, `matx::pipeline::errors`): no builtin has
# their names, so each derives from its matx parent only (which is also the builtin).
_PIPELINE: Tuple[Tuple[str, str, str], ...] = (
    ("PipelineFormatError", "ValueError",
     "pipeline.json is not JSON, is truncated, or does not have the documented shape."),
    ("PipelineVersionError", "ValueError",
     "pipeline.json is of another format, or of a version this matx does not read."),
    ("OpNotFoundError", "LookupError",
     "An op, class or method the pipeline needs is not registered in this process."),
    ("ResourceNotFoundError", "FileNotFoundError",
     "A resource or native library the pipeline names is not in its directory."),
    ("UnsafePathError", "ValueError",
     "A path that is absolute, climbs out of or links out of the pipeline directory, or "
     "names something other than a regular file or directory."),
    ("FeedError", "TypeError",
     "A run was given a missing, unknown, repeated or mistyped input."),
)


def _unicode_init(builtin: Type[BaseException]) -> object:
    """An ``__init__`` that also accepts a bare message (the builtins want four or five
    arguments)."""
    arity = 4 if builtin is builtins.UnicodeTranslateError else 5

    def __init__(self: BaseException, *args: object) -> None:
        if len(args) == arity:
            builtin.__init__(self, *args)
        else:
            BaseException.__init__(self, *args)
            if len(args) == 1:
                self._matx_str = str(args[0])  # type: ignore[attr-defined]

    return __init__


CLASSES: Dict[str, Type[Error]] = {"Error": Error}
for _name, _parent in _HIERARCHY:
    _ns: Dict[str, object] = {
        "__module__": "matx",
        "__doc__": f"matx's {_name}: an instance of both matx.Error and {_name}.",
    }
    if _name in ("UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError"):
        _ns["__init__"] = _unicode_init(getattr(builtins, _name))
    _cls = type(_name, (CLASSES[_parent], getattr(builtins, _name)), _ns)
    CLASSES[_name] = _cls
    globals()[_name] = _cls
    __all__.append(_name)
for _name, _parent, _doc in _PIPELINE:
    _cls = type(_name, (CLASSES[_parent],), {"__module__": "matx", "__doc__": _doc})
    CLASSES[_name] = _cls
    globals()[_name] = _cls
    __all__.append(_name)
Error.__module__ = "matx"
InternalError.__module__ = "matx"
CLASSES["InternalError"] = InternalError


def _args_from_repr(arg_repr: Optional[str], message: str) -> Tuple[object, ...]:
    """``e.args`` from the runtime's ``repr(e)`` (``KeyError('a')`` -> ``('a',)``)."""
    if arg_repr is None:
        return ()
    try:
        value = ast.literal_eval(f"({arg_repr},)")
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return (message,)
    return tuple(value)


def _from_matx(
    chain: List[str],
    message: str,
    arg_repr: Optional[str],
    file: Optional[str],
    line: Optional[int],
) -> Error:
    """Builds the exception for a runtime error (called from Rust).

    ``chain`` is the error's class and its bases, most derived first (``["MyError",
    "ValueError", "Exception", "BaseException"]``); the first one defined here is raised.
    """
    kind = chain[0] if chain else "Error"
    cls: Type[Error] = next((CLASSES[n] for n in chain if n in CLASSES), Error)
    args = _args_from_repr(arg_repr, message)
    try:
        err = cls(*args)
    except TypeError:  # arguments the builtin's constructor refuses
        err = cls(message)
    text = message if kind == cls.__name__ else (f"{kind}: {message}" if message else kind)
    if file is not None:
        where = f"at {file}:{line}"
        text = f"{text} ({where})" if text else where
    err._matx_str = text
    err.script_file = file
    err.script_line = line
    err.kind = kind
    return err
