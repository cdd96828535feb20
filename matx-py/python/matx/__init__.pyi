"""Type stubs for the matx package."""

from typing import Callable, TypeVar

from . import _matx as _matx
from ._matx import Dict as Dict, List as List, Set as Set
from ._matx import NDArray as NDArray, from_dlpack as from_dlpack, from_numpy as from_numpy
from . import pipeline as pipeline
from .pipeline import load as load, trace as trace
from .script import (
    CargoNotFoundError as CargoNotFoundError,
    ScriptCompileError as ScriptCompileError,
    SourceUnavailableError as SourceUnavailableError,
)
from ._errors import (
    ArithmeticError,
    AssertionError,
    AttributeError,
    Error,
    FileNotFoundError,
    FloatingPointError,
    IndexError,
    InternalError,
    KeyError,
    LookupError,
    MemoryError,
    NameError,
    NotImplementedError,
    OSError,
    OverflowError,
    RecursionError,
    RuntimeError,
    StopIteration,
    TypeError,
    UnboundLocalError,
    UnicodeDecodeError,
    UnicodeEncodeError,
    UnicodeError,
    ValueError,
    ZeroDivisionError,
)

_T = TypeVar("_T", bound=Callable[..., object])

def script(obj: _T) -> _T:
    """Compiles a function or class to native code (cached on disk); returns the compiled one."""
    ...

__version__: str

__all__ = [
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "CargoNotFoundError",
    "Dict",
    "Error",
    "FileNotFoundError",
    "FloatingPointError",
    "IndexError",
    "InternalError",
    "KeyError",
    "List",
    "LookupError",
    "NDArray",
    "MemoryError",
    "NameError",
    "NotImplementedError",
    "OSError",
    "OverflowError",
    "RecursionError",
    "RuntimeError",
    "ScriptCompileError",
    "Set",
    "SourceUnavailableError",
    "StopIteration",
    "TypeError",
    "UnboundLocalError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeError",
    "ValueError",
    "ZeroDivisionError",
    "from_dlpack",
    "from_numpy",
    "load",
    "pipeline",
    "script",
    "trace",
    "__version__",
]
