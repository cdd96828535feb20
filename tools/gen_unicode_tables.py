#!/usr/bin/env python3
"""Generate matx/src/text/unicode_tables.rs from this machine's CPython.

Every table is derived by calling CPython's own str methods on each code
point (not from the Unicode data files), so the Rust runtime reproduces what
CPython does, including its quirks.  Run with CPython 3.11 (Unicode 14.0):

    python3 tools/gen_unicode_tables.py > matx/src/text/unicode_tables.rs
"""

import sys
import unicodedata

MAX = 0x110000

# Property bits: keep in sync with matx/src/text/unicode.rs.
FLAGS = [
    ("ALPHA", lambda s: s.isalpha()),
    ("DECIMAL", lambda s: s.isdecimal()),
    ("DIGIT", lambda s: s.isdigit()),
    ("NUMERIC", lambda s: s.isnumeric()),
    ("SPACE", lambda s: s.isspace()),
    ("PRINTABLE", lambda s: s.isprintable()),
    ("XID_START", lambda s: s.isidentifier()),
    ("XID_CONTINUE", lambda s: ("a" + s).isidentifier()),
    # For a one-character string CPython returns the per-character property.
    ("LOWER", lambda s: s.islower()),
    ("UPPER", lambda s: s.isupper()),
    ("TITLE", lambda s: unicodedata.category(s) == "Lt"),
    # Cased: title() lowercases the letter after a cased character.
    ("CASED", lambda s: (s + "A").title()[-1] == "a"),
    ("CASE_IGNORABLE", None),  # computed below from the final-sigma rule
    # The character has a (non-identity) lower/upper/title/casefold mapping.
    ("LOWER_MAPS", lambda s: s.lower() != s),
    ("UPPER_MAPS", lambda s: s.upper() != s),
    ("TITLE_MAPS", lambda s: s.title() != s),
    ("FOLD_MAPS", lambda s: s.casefold() != s),
]


def case_ignorable(s, cased):
    # lower() maps U+03A3 to final sigma when it follows cased (case-ignorable)*
    # and is not followed by (case-ignorable)* cased.
    if cased:
        return ("A\u03a3" + s).lower()[1] == "\u03c2"
    return ("A" + s + "\u03a3").lower()[-1] == "\u03c2"


def code_points():
    for c in range(MAX):
        if 0xD800 <= c <= 0xDFFF:
            continue  # Rust strings cannot hold surrogates
        yield c


def flags_of(c):
    s = chr(c)
    v = 0
    for bit, (name, f) in enumerate(FLAGS):
        if f is not None and f(s):
            v |= 1 << bit
    cased = bool(v & (1 << 11))
    if case_ignorable(s, cased):
        v |= 1 << 12
    return v


def rust_str(s):
    out = []
    for ch in s:
        o = ord(ch)
        if 0x20 <= o < 0x7F and ch not in '"\\':
            out.append(ch)
        else:
            out.append("\\u{%x}" % o)
    return '"' + "".join(out) + '"'


def mapping_tables(name, f):
    """Runs (first, last, delta, stride): code points first, first+stride, ...,
    last map to cp+delta; stride 0 marks a multi-character mapping of `first`
    whose text is <NAME>_MULTI[delta]."""
    entries = []
    multi = []
    for c in code_points():
        m = f(chr(c))
        if m == chr(c):
            continue
        if len(m) == 1:
            entries.append((c, ord(m) - c))
        else:
            entries.append((c, None))
            multi.append(m)
    runs = []  # [start, end, delta, stride]
    k = 0
    for c, d in entries:
        if d is None:
            runs.append([c, c, k, 0])
            k += 1
            continue
        if runs:
            r = runs[-1]
            if r[3] != 0 and r[2] == d:
                gap = c - r[1]
                if r[0] == r[1] and gap in (1, 2):
                    r[1] = c
                    r[3] = gap
                    continue
                if gap == r[3]:
                    r[1] = c
                    continue
        runs.append([c, c, d, 1])
    lines = ["/// `%s` mappings: (first, last, delta, stride); stride 0: `%s_MULTI[delta]`." % (name, name)]
    lines.append("pub(crate) static %s_RUNS: [(u32, u32, i32, u8); %d] = [" % (name, len(runs)))
    row = []
    for r in runs:
        row.append("(0x%x,0x%x,%d,%d)," % tuple(r))
        if len(row) == 6:
            lines.append("    " + "".join(row))
            row = []
    if row:
        lines.append("    " + "".join(row))
    lines.append("];")
    lines.append("/// `%s` multi-character mappings." % name)
    lines.append("pub(crate) static %s_MULTI: [&str; %d] = [" % (name, len(multi)))
    row = []
    for m in multi:
        row.append(rust_str(m) + ",")
        if len(row) == 8:
            lines.append("    " + " ".join(row))
            row = []
    if row:
        lines.append("    " + " ".join(row))
    lines.append("];")
    return lines


def main():
    out = []
    out.append("//! Unicode tables derived from CPython %s (Unicode %s) by tools/gen_unicode_tables.py; do not edit."
               % (sys.version.split()[0], unicodedata.unidata_version))
    out.append("")
    out.append("// @generated")
    out.append("#![allow(clippy::unreadable_literal)]")
    out.append("")
    out.append("/// The Unicode version of the CPython these tables were taken from.")
    out.append('pub(crate) const UNICODE_VERSION: &str = "%s";' % unicodedata.unidata_version)
    out.append("")
    starts = []
    vals = []
    prev = None
    last = -1
    for c in code_points():
        v = flags_of(c)
        if c != last + 1:
            # gap (surrogates): their flags are 0
            if prev != 0:
                starts.append(last + 1)
                vals.append(0)
                prev = 0
        if v != prev:
            starts.append(c)
            vals.append(v)
            prev = v
        last = c
    out.append("/// Start of each run of code points with equal property bits, sorted.")
    out.append("pub(crate) static FLAG_STARTS: [u32; %d] = [" % len(starts))
    for i in range(0, len(starts), 12):
        out.append("    " + " ".join("0x%x," % v for v in starts[i:i + 12]))
    out.append("];")
    out.append("/// Property bits of each run in FLAG_STARTS.")
    out.append("pub(crate) static FLAG_VALUES: [u32; %d] = [" % len(vals))
    for i in range(0, len(vals), 16):
        out.append("    " + " ".join("0x%x," % v for v in vals[i:i + 16]))
    out.append("];")
    out.append("")
    for name, f in [
        ("LOWER", lambda s: s.lower()),
        ("UPPER", lambda s: s.upper()),
        ("TITLE", lambda s: s.title()),
        ("FOLD", lambda s: s.casefold()),
    ]:
        out.extend(mapping_tables(name, f))
        out.append("")
    sys.stdout.write("\n".join(out).rstrip("\n") + "\n")


if __name__ == "__main__":
    main()
