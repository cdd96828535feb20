#!/usr/bin/env python3
"""Generate matx/src/stdlib/unicodedata/tables.rs from this machine's CPython.

Every table is read from CPython's own unicodedata module (category, east_asian_width,
bidirectional, mirrored, combining, decomposition, decimal/digit/numeric) or computed by
calling its normalize() (full decompositions, and the pairs NFC composes, exclusions
included), so the Rust runtime reproduces CPython 3.11 (Unicode 14.0) exactly:

    python3 tools/gen_unicodedata_tables.py > matx/src/stdlib/unicodedata/tables.rs
"""

import struct
import sys
import unicodedata as u

MAX = 0x110000
CATS = ['Cn', 'Cc', 'Cf', 'Co', 'Cs', 'Ll', 'Lm', 'Lo', 'Lt', 'Lu', 'Mc', 'Me', 'Mn', 'Nd', 'Nl',
        'No', 'Pc', 'Pd', 'Pe', 'Pf', 'Pi', 'Po', 'Ps', 'Sc', 'Sk', 'Sm', 'So', 'Zl', 'Zp', 'Zs']
EAWS = ['N', 'A', 'F', 'H', 'Na', 'W']
BIDI = ['', 'AL', 'AN', 'B', 'BN', 'CS', 'EN', 'ES', 'ET', 'FSI', 'L', 'LRE', 'LRI', 'LRO', 'NSM',
        'ON', 'PDF', 'PDI', 'R', 'RLE', 'RLI', 'RLO', 'S', 'WS']
TAGS = ['', '<circle>', '<compat>', '<final>', '<font>', '<fraction>', '<initial>', '<isolated>',
        '<medial>', '<narrow>', '<noBreak>', '<small>', '<square>', '<sub>', '<super>', '<vertical>',
        '<wide>']


def runs(f):
    starts, values = [], []
    prev = None
    for c in range(MAX):
        v = f(chr(c))
        if v != prev:
            starts.append(c)
            values.append(v)
            prev = v
    return starts, values


def emit_array(w, name, ty, items, per_line=12, fmt=str):
    w("#[rustfmt::skip]\npub(crate) static %s: [%s; %d] = [\n" % (name, ty, len(items)))
    for i in range(0, len(items), per_line):
        w("    " + ", ".join(fmt(x) for x in items[i:i + per_line]) + ",\n")
    w("];\n\n")


def main():
    w = sys.stdout.write
    w("//! Unicode character data from CPython %s (Unicode %s) by tools/gen_unicodedata_tables.py; do not edit.\n\n"
      % (sys.version.split()[0], u.unidata_version))
    w("// @generated\n#![allow(clippy::unreadable_literal)]\n\n")
    w('pub(crate) const UNIDATA_VERSION: &str = "%s";\n\n' % u.unidata_version)
    w("pub(crate) static CATEGORY_NAMES: [&str; %d] = [%s];\n" % (len(CATS), ", ".join('"%s"' % c for c in CATS)))
    w("pub(crate) static EAW_NAMES: [&str; %d] = [%s];\n" % (len(EAWS), ", ".join('"%s"' % c for c in EAWS)))
    w("pub(crate) static BIDI_NAMES: [&str; %d] = [%s];\n" % (len(BIDI), ", ".join('"%s"' % c for c in BIDI)))
    w("pub(crate) static DECOMP_TAGS: [&str; %d] = [%s];\n\n" % (len(TAGS), ", ".join('"%s"' % c for c in TAGS)))

    hexf = lambda x: "0x%x" % x
    for name, f in [("CATEGORY", lambda ch: CATS.index(u.category(ch))),
                    ("EAW", lambda ch: EAWS.index(u.east_asian_width(ch))),
                    ("BIDI", lambda ch: BIDI.index(u.bidirectional(ch))),
                    ("MIRRORED", lambda ch: u.mirrored(ch)),
                    ("COMBINING", lambda ch: u.combining(ch))]:
        starts, values = runs(f)
        w("/// Runs of `%s`: the first code point of each run and the run's value.\n" % name.lower())
        emit_array(w, name + "_STARTS", "u32", starts, fmt=hexf)
        emit_array(w, name + "_VALUES", "u8", values, per_line=24)

    # decomposition(): the tag and the mapping as CPython prints it.
    entries, data = [], []
    for c in range(MAX):
        d = u.decomposition(chr(c))
        if not d:
            continue
        parts = d.split()
        tag = 0
        if parts[0].startswith("<"):
            tag = TAGS.index(parts[0])
            parts = parts[1:]
        entries.append((c, len(data), len(parts), tag))
        data.extend(int(p, 16) for p in parts)
    w("/// `decomposition()`: (code point, offset in DECOMP_DATA, length, tag index).\n")
    emit_array(w, "DECOMP", "(u32, u16, u8, u8)", entries, per_line=4,
               fmt=lambda e: "(0x%x, %d, %d, %d)" % e)
    emit_array(w, "DECOMP_DATA", "u32", data, fmt=hexf)

    # Full canonical and compatibility decompositions (NFD and NFKD of each character).
    for name, form in [("NFD", "NFD"), ("NFKD", "NFKD")]:
        entries, data = [], []
        for c in range(MAX):
            if 0xAC00 <= c <= 0xD7A3 or 0xD800 <= c <= 0xDFFF:
                continue  # Hangul syllables are decomposed by arithmetic
            s = u.normalize(form, chr(c))
            if s != chr(c):
                entries.append((c, len(data), len(s)))
                data.extend(ord(x) for x in s)
        w("/// The full %s of each character it changes: (code point, offset, length).\n" % form)
        emit_array(w, name, "(u32, u16, u8)", entries, per_line=4, fmt=lambda e: "(0x%x, %d, %d)" % e)
        emit_array(w, name + "_DATA", "u32", data, fmt=hexf)

    # The pairs canonical composition joins: (first, second) -> composite, found by asking
    # NFC itself, so the exclusions are CPython's.
    pairs = []
    for c in range(MAX):
        if 0xAC00 <= c <= 0xD7A3:
            continue
        d = u.decomposition(chr(c))
        if not d or d.startswith("<"):
            continue
        parts = [int(p, 16) for p in d.split()]
        if len(parts) == 2 and u.normalize("NFC", chr(parts[0]) + chr(parts[1])) == chr(c):
            pairs.append((parts[0], parts[1], c))
    pairs.sort()
    w("/// Canonical composition: (first, second, composite), sorted.\n")
    emit_array(w, "COMPOSE", "(u32, u32, u32)", pairs, per_line=4, fmt=lambda e: "(0x%x, 0x%x, 0x%x)" % e)

    # decimal(), digit(), numeric().
    nums = []
    for c in range(MAX):
        ch = chr(c)
        n = u.numeric(ch, None)
        if n is None:
            continue
        dec = u.decimal(ch, -1)
        dig = u.digit(ch, -1)
        bits = struct.unpack("<Q", struct.pack("<d", n))[0]
        nums.append((c, dec, dig, bits))
    w("/// (code point, decimal or -1, digit or -1, numeric value's bits).\n")
    emit_array(w, "NUMERIC", "(u32, i8, i8, u64)", nums, per_line=3,
               fmt=lambda e: "(0x%x, %d, %d, 0x%x)" % e)


if __name__ == "__main__":
    main()
