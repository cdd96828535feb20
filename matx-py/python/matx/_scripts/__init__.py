"""``matx._scripts``: the package of the modules ``matx.script`` compiles (``m_<key16>``).

Its ``__path__`` holds the cache's ``modules/`` directory, so ``import matx._scripts.m_...``
finds a compiled module in any process (pickle and ``multiprocessing`` workers rely on it:
compiled classes carry ``__module__ = "matx._scripts.m_<key16>"``). ``matx.script`` adds
the directory again when ``MATX_CACHE_DIR`` changes in a running process.
"""

from __future__ import annotations

from ..script import cache_dir

try:
    __path__.append(str(cache_dir() / "modules"))
except RuntimeError:  # no home directory to derive the default cache from
    pass
