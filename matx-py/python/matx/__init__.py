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
from . import _errors
from ._errors import *  # noqa: F401,F403 (Error, InternalError and one class per exception kind)

#: What an op's file parameter (``matx::Resource`` in Rust) accepts: a path, as ``str`` or
#: ``os.PathLike``. Called from Python, an op reads the path as given; inside a saved
#: pipeline, only files inside the pipeline's directory.
Resource = Union[str, os.PathLike[str]]

__version__: str = _matx.__version__

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
