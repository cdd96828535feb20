"""Type stubs for the matx package."""

from . import _matx as _matx
from ._matx import Dict as Dict, List as List, Set as Set
from ._matx import NDArray as NDArray, from_dlpack as from_dlpack, from_numpy as from_numpy
from . import pipeline as pipeline
from .pipeline import load as load, trace as trace
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

__version__: str

__all__ = [
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
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
    "Set",
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
    "trace",
    "__version__",
]
