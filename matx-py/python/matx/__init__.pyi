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
from . import _errors as _errors
from ._errors import *

Resource = Union[str, os.PathLike[str]]

_T = TypeVar("_T", bound=Callable[..., object])

def script(obj: _T) -> _T:
    """Compiles a function or class to native code (cached on disk); returns the compiled one."""
    ...

__version__: str

__all__ = [
    "CargoNotFoundError",
    "Dict",
    "List",
    "NDArray",
    "Resource",
    "ScriptCompileError",
    "Set",
    "SourceUnavailableError",
    "from_dlpack",
    "from_numpy",
    "load",
    "pipeline",
    "script",
    "trace",
    "__version__",
]
__all__ += _errors.__all__
