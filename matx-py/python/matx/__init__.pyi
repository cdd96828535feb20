"""Type stubs for the matx package."""

import os
from typing import Callable, TypeVar, Union

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
    FeedError,
    FileNotFoundError,
    FloatingPointError,
    IndexError,
    InternalError,
    KeyError,
    LookupError,
    MemoryError,
    NameError,
    NotImplementedError,
    OpNotFoundError,
    OSError,
    OverflowError,
    PipelineFormatError,
    PipelineVersionError,
    RecursionError,
    ResourceNotFoundError,
    RuntimeError,
    StopIteration,
    TypeError,
    UnboundLocalError,
    UnicodeDecodeError,
    UnicodeEncodeError,
    UnicodeError,
    UnsafePathError,
    ValueError,
    ZeroDivisionError,
)

Resource = Union[str, os.PathLike[str]]

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
    "FeedError",
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
    "OpNotFoundError",
    "OverflowError",
    "PipelineFormatError",
    "PipelineVersionError",
    "RecursionError",
    "Resource",
    "ResourceNotFoundError",
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
    "UnsafePathError",
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
