#!/usr/bin/env python3
"""Generate matx/src/stdlib/re/tables.rs: the case data of CPython's regular expression engine.

sre lowercases with _PyUnicode_ToLowercase and uppercases with _PyUnicode_ToUppercase (the
simple, one-character mappings), and adds re._casefix's extra equivalences; these are read
from this CPython itself (through ctypes), so case-insensitive matching is CPython 3.11's:

    python3 tools/gen_sre_tables.py > matx/src/stdlib/re/tables.rs
"""

import ctypes
import sys

import _sre
from re._casefix import _EXTRA_CASES

lower = ctypes.pythonapi._PyUnicode_ToLowercase
upper = ctypes.pythonapi._PyUnicode_ToUppercase
for f in (lower, upper):
    f.restype = ctypes.c_uint32
    f.argtypes = [ctypes.c_uint32]


def pairs(f):
    return [(c, f(c)) for c in range(0x110000) if f(c) != c]


def emit(w, name, items):
    w("#[rustfmt::skip]\npub(crate) static %s: [(u32, u32); %d] = [\n" % (name, len(items)))
    for i in range(0, len(items), 6):
        w("    " + ", ".join("(0x%x, 0x%x)" % p for p in items[i:i + 6]) + ",\n")
    w("];\n\n")


def main():
    w = sys.stdout.write
    w("//! Case data of CPython %s's regular expression engine, by tools/gen_sre_tables.py; do not edit.\n\n"
      % sys.version.split()[0])
    w("// @generated\n#![allow(clippy::unreadable_literal)]\n\n")
    lo = pairs(lower)
    assert all(_sre.unicode_tolower(c) == l for c, l in lo)
    w("/// `sre_lower_unicode`: the characters whose simple lowercase differs, sorted.\n")
    emit(w, "LOWER", lo)
    w("/// `sre_upper_unicode`: the characters whose simple uppercase differs, sorted.\n")
    emit(w, "UPPER", pairs(upper))
    extra = sorted((k, v) for k, vs in _EXTRA_CASES.items() for v in vs)
    w("/// `re._casefix._EXTRA_CASES`: (lowercase, other lowercase with the same uppercase).\n")
    emit(w, "EXTRA_CASES", extra)


if __name__ == "__main__":
    main()
