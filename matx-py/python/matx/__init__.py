"""matx: typed Python compiled to native Rust, imported from Python.

This package holds the runtime pieces every compiled module shares: the exception
hierarchy (``matx.Error`` and one subclass per Python exception kind, each also an
instance of the builtin of the same name) and the native extension ``matx._matx``.
"""

import os
from typing import Union

from . import _matx, pipeline
from ._matx import Dict, List, Set
from ._matx import NDArray, from_dlpack, from_numpy
from .pipeline import load, trace
from .script import CargoNotFoundError, ScriptCompileError, SourceUnavailableError, script
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

#: What an op's file parameter (``matx::Resource`` in Rust) accepts: a path, as ``str`` or
#: ``os.PathLike``. Called from Python, an op reads the path as given; inside a saved
#: pipeline, only files inside the pipeline's directory.
Resource = Union[str, os.PathLike[str]]

__version__: str = _matx.__version__

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
