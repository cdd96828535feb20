#!/usr/bin/env python3
"""Generate matx/tests/text_cases/data.rs: str/bytes method calls with CPython's results.

With --exhaustive it writes matx/tests/text_cases/exhaustive.rs instead: for
each per-character check in EXHAUSTIVE, a CRC-32 per Unicode plane of its
result on every code point (surrogates excepted), which the Rust test
recomputes.

Each case is (receiver, rust method name, args, expected), where expected is
what CPython 3.11 returned or raised.  The Rust test (matx/tests/text_cases.rs)
replays every case on matx::Str / matx::Bytes.  Run with CPython 3.11:

    python3 tools/gen_text_cases.py > matx/tests/text_cases/data.rs
"""

import sys
import zlib

# name -> function of one character; keep in sync with matx/tests/text_cases.rs.
EXHAUSTIVE = [
    ("isalpha", lambda c: c.isalpha()),
    ("isalnum", lambda c: c.isalnum()),
    ("isdecimal", lambda c: c.isdecimal()),
    ("isdigit", lambda c: c.isdigit()),
    ("isnumeric", lambda c: c.isnumeric()),
    ("isspace", lambda c: c.isspace()),
    ("isprintable", lambda c: c.isprintable()),
    ("isidentifier", lambda c: c.isidentifier()),
    ("isidentifier_a", lambda c: ("a" + c).isidentifier()),
    ("islower", lambda c: c.islower()),
    ("isupper", lambda c: c.isupper()),
    ("istitle", lambda c: c.istitle()),
    ("istitle_Ac", lambda c: ("A" + c).istitle()),
    ("lower", lambda c: c.lower()),
    ("upper", lambda c: c.upper()),
    ("casefold", lambda c: c.casefold()),
    ("title", lambda c: c.title()),
    ("capitalize", lambda c: c.capitalize()),
    ("swapcase", lambda c: c.swapcase()),
    ("title_cA", lambda c: (c + "A").title()),
    ("lower_AcSigma", lambda c: ("A" + c + "\u03a3").lower()),
    ("lower_ASigmac", lambda c: ("A\u03a3" + c).lower()),
    ("split_acb", lambda c: "|".join(("a" + c + "b").split())),
    ("splitlines_acb", lambda c: "|".join(("a" + c + "b").splitlines())),
]


def exhaustive():
    w = sys.stdout.write
    w("//! Per-plane CRC-32 digests of per-character str methods over all code points, from CPython %s by tools/gen_text_cases.py --exhaustive; do not edit.\n" % sys.version.split()[0])
    w("\n// @generated\npub static DIGESTS: &[(&str, [u32; 17])] = &[\n")
    for name, f in EXHAUSTIVE:
        crcs = []
        for plane in range(17):
            buf = bytearray()
            for c in range(plane << 16, (plane + 1) << 16):
                if 0xD800 <= c <= 0xDFFF:
                    continue
                r = f(chr(c))
                if isinstance(r, bool):
                    buf.append(1 if r else 0)
                else:
                    buf += r.encode() + b"\xff"
            crcs.append(zlib.crc32(bytes(buf)))
        w("    (%s, [%s]),\n" % (rs_str(name), ", ".join("0x%08x" % x for x in crcs)))
    w("];\n")

STRS = [
    "", "a", "abc", "Hello World", "hello world", "HELLO", "  hello  world  ", "hello\tworld\n",
    "a,b,,c", "aaa", "abcabcab", "x\t\ty\tzz\n\tw\rq\t",
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u200b\u2028\u3000",
    "line1\nline2\r\nline3\rline4\x0bline5\x0cl6\x1cl7\x1d\x1e\x85\u2028\u2029end\n\n",
    "123", "-42", "+7", "\u0661\u0662\u0663", "\u00bd\u00b2", "\u216b", "3.14", "\u2460\u00b9\U0001d7d8",
    "caf\u00e9", "\u00c9l\u00e9phant", "na\u00efve r\u00e9sum\u00e9", "e\u0301t\u0301", "\u00c0\u00c9\u00ce\u00d5\u00dc",
    "\u0391\u03a3", "\u039f\u0394\u03a5\u03a3\u03a3\u0395\u03a5\u03a3", "\u03a3", "a\u03a3", "\u0391\u03a3.", "\u0391\u03a3'\u0391",
    "\u0391\u03a3\u0301 x", "\u1f48\u0394\u03a5\u03a3\u03a3\u0395\u038e\u03a3", "\u1fb3\u1fbc", "\u0390\u03b0",
    "\u0130stanbul", "\u0131i\u0130I", "Stra\u00dfe", "\u00df\u1e9e", "\ufb01\ufb03 \ufb00", "\u0149n",
    "\u01c6\u01c5\u01c4 \u01f3\u01f2", "\u01c6a", "dz\u01c5", "\u1e96\u1e97\u1e98",
    "\u65e5\u672c\u8a9e\u30c6\u30ad\u30b9\u30c8", "\u4e2d\u6587 \u7a7a\u683c\u3000\u5168\u89d2",
    "\U0001f600 emoji \U0001f44d\U0001f3fd", "\U0001d400\U0001d401\U0001d402", "\U00010400\U00010428",
    "hello_world123", "_private", "2abc", "\u03b1\u03b2\u03b3_\u03b4", "a-b", "\u2160\u2161", "\u00aa\u00ba",
    "They're bill's friends.", "hello WORLD, it's 3pm", "\u02b0e\u02b0", "a\u0345\u03a3", "\u24b6\u24d0",
    "\u1f80\u1f88\u1ff3", "abc\x00def\x7f", "tab\there", "O\u0308\u0304",
]

BYTES = [
    b"", b"a", b"abc", b"Hello World", b"  hello  world  ", b"hello\tworld\n", b"a,b,,c", b"aaa",
    b"abcabcab", b"x\t\ty\tzz\n\tw\rq\t", b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f x\x85\xa0",
    b"line1\nline2\r\nline3\rline4\x0bline5\x0cl6\x1cl7\r\n\n", b"123", b"-42", b"+7",
    b"caf\xc3\xa9", b"\xff\xfeAb", b"They're bill's friends.", b"hello WORLD, it's 3pm", b"_x1", b"\x00\x80\xff",
    b"ABC def", b"aBc", b"Title Case Here", b"tab\there",
]

BAD_UTF8 = [
    b"\x80", b"a\x80b", b"\xc0\x80", b"\xc1\xbf", b"\xc2", b"\xc2A", b"\xe0\x80\x80", b"\xe0\xa0", b"\xe0\xa0A",
    b"\xe0\x9f\x80", b"\xed\xa0\x80", b"\xed\x9f\xbf", b"\xef\xbf\xbf", b"\xf0\x80\x80\x80", b"\xf0\x90\x80",
    b"\xf0\x90\x80\x80", b"\xf0\x90\x41", b"\xf0\x90\x80A", b"\xf4\x8f\xbf\xbf", b"\xf4\x90\x80\x80", b"\xf5\x80",
    b"\xf8\x88\x80\x80\x80", b"\xfe\xff", b"a\xe2\x82\xacb", b"\xf0\x9f\x98\x80", b"x\xf0\x9f\x98",
    b"\xe2\x28\xa1", b"caf\xe9", b"\xff", b"ok\xe2\x82", b"\xc3\xa9\xc3", b"\xed\xa0\x80\xed\xb0\x80",
]

ERRORS = ["strict", "ignore", "replace", "backslashreplace"]


def py_name(m):
    return {"startswith_any": "startswith", "endswith_any": "endswith"}.get(m, m)


def call(recv, m, args):
    pyargs = [tuple(a) if m.endswith("_any") and i == 0 else a for i, a in enumerate(args)]
    try:
        return ("ok", getattr(recv, py_name(m))(*pyargs))
    except Exception as e:  # noqa: BLE001 - the exception is the expected result
        return ("err", type(e).__name__, str(e))


SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r", "\0": "\\0", '"': '\\"', "\\": "\\\\"}


def rs_str(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch.isprintable() and ch not in '"\\' and not 0x300 <= o < 0x370:
            out.append(ch)
        elif ch in SHORT:
            out.append(SHORT[ch])
        else:
            out.append("\\u{%x}" % o)
    return '"' + "".join(out) + '"'


def rs_bytes(b):
    out = []
    for o in b:
        ch = chr(o)
        if 0x20 <= o < 0x7F and ch not in '"\\':
            out.append(ch)
        elif ch in SHORT:
            out.append(SHORT[ch])
        else:
            out.append("\\x%02x" % o)
    return 'b"' + "".join(out) + '"'


def rs_val(v, *, tuple_as_list=False):
    if v is None:
        return "N"
    if isinstance(v, bool):
        return "T(%s)" % ("true" if v else "false")
    if isinstance(v, int):
        return "I(%d)" % v
    if isinstance(v, str):
        return "S(%s)" % rs_str(v)
    if isinstance(v, bytes):
        return "B(%s)" % rs_bytes(v)
    if isinstance(v, dict):
        return "D(&[%s])" % ",".join("(%d,%s)" % (k, "None" if x is None else "Some(%s)" % rs_str(x)) for k, x in v.items())
    if isinstance(v, (list, tuple)) and (tuple_as_list or isinstance(v, list)):
        if all(isinstance(x, str) for x in v):
            return "LS(&[%s])" % ",".join(rs_str(x) for x in v)
        return "LB(&[%s])" % ",".join(rs_bytes(x) for x in v)
    if isinstance(v, tuple) and len(v) == 3:
        if isinstance(v[0], str):
            return "P(%s,%s,%s)" % tuple(rs_str(x) for x in v)
        return "PB(%s,%s,%s)" % tuple(rs_bytes(x) for x in v)
    raise TypeError(repr(v))


RICH_STRS = [
    "", "abc", "  hello  world  ", "a,b,,c", "abcabcab", "x\t\ty\tzz\n\tw\rq\t",
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u200b\u2028\u3000",
    "-42", "na\u00efve r\u00e9sum\u00e9", "\U0001f600 emoji \U0001f44d\U0001f3fd",
]
RICH_BYTES = [b"", b"abc", b"  hello  world  ", b"a,b,,c", b"x\t\ty\tzz\n\tw\rq\t",
              b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f x\x85\xa0", b"-42", b"caf\xc3\xa9"]


WANT_NAMES = {"T": "Q", "I": "K", "S": "X", "B": "Y", "LS": "XL", "LB": "YL"}


def rs_want(v, isb):
    """An expected value: the result enum W uses other variant names than V."""
    r = rs_val(v)
    if r == "LS(&[])" and isb:
        r = "LB(&[])"
    head, paren, rest = r.partition("(")
    return WANT_NAMES.get(head, head) + paren + rest


def cases():
    out = []
    recvs = []
    index = {}

    def add(recv, m, *args):
        res = call(recv, m, list(args))
        if res[0] == "ok":
            want = rs_want(res[1], isinstance(recv, bytes))
        else:
            want = "E(%s,%s)" % (rs_str(res[1]), rs_str(res[2]))
        key = (type(recv), recv)
        if key not in index:
            index[key] = len(recvs)
            recvs.append(recv)
        out.append("(%d,%s,&[%s],%s)," % (index[key], rs_str(m), ",".join(rs_val(a, tuple_as_list=True) for a in args), want))

    all_windows = [(None, None), (1, None), (-3, -1), (None, -1), (2, 5), (5, 2), (100, None), (-100, 2)]
    for s in STRS + BYTES:
        isb = isinstance(s, bytes)
        rich = s in (RICH_BYTES if isb else RICH_STRS)
        e = (lambda x: x.encode()) if isb else (lambda x: x)
        n = len(s)
        for m in ["capitalize", "lower", "upper", "swapcase", "title", "isalnum", "isalpha", "isascii", "isdigit",
                  "islower", "isspace", "istitle", "isupper"]:
            add(s, m)
        if not isb:
            for m in ["casefold", "isdecimal", "isidentifier", "isnumeric", "isprintable"]:
                add(s, m)
        # search: substrings present in s, the empty string and an absent one
        if rich:
            for sub in sorted({s[1:3], e(""), e("zz")}, key=repr):
                for st, en in [(None, None), (1, None), (-3, -1), (5, 2), (100, None), (-100, 2)]:
                    add(s, "find", sub, st, en)
                for st, en in [(None, None), (-3, -1), (100, None)]:
                    add(s, "count", sub, st, en)
                    add(s, "rfind", sub, st, en)
                add(s, "index", sub, 2, 5)
                add(s, "rindex", sub, None, None)
                for st, en in [(None, None), (-3, -1), (n, None), (n + 1, None)]:
                    add(s, "startswith", sub, st, en)
                    add(s, "endswith", sub, st, en)
        else:
            sub = s[-2:]
            add(s, "find", sub, None, None)
            add(s, "endswith", sub, None, None)
            add(s, "count", sub, 1, -1)
        if not isb:
            add(s, "startswith_any", [s[:1], "zz"], None, None)
            add(s, "endswith_any", ["zz", s[-1:]], 1, None)
        if rich:
            if not isb:
                add(s, "startswith_any", [], None, None)
            for w in [-1, n + 1, n + 4]:
                fills = [e(" "), e("*")] + ([] if isb else ["\u00e9", "\U0001f600"])
                for f in fills if w == n + 1 else fills[::3]:
                    add(s, "center", w, f)
                for m in ["ljust", "rjust"]:
                    add(s, m, w, fills[-1])
                add(s, "zfill", w)
            for m in ["center", "ljust", "rjust"]:
                add(s, m, n + 3, e(""))
                add(s, m, 0, e("ab"))
            for t in [8, 4, 1, 0, -1]:
                add(s, "expandtabs", t)
        else:
            add(s, "center", n + 3, e("*"))
            add(s, "zfill", n + 2)
            add(s, "expandtabs", 3)
        if rich:
            for m in ["strip", "lstrip", "rstrip"]:
                for chars in [None, s[:1] + s[-1:], e(" "), e("")] + ([] if isb else ["\u00e9\U0001f600\u03a3"]):
                    add(s, m, chars)
        else:
            add(s, "strip", None)
            add(s, "rstrip", s[:1] + s[-1:])
        if rich:
            for m in ["removeprefix", "removesuffix"]:
                for p in [e(""), s[:2], s[-2:], e("zz")]:
                    add(s, m, p)
            seps = sorted({None, e(","), e("aa"), s[1:2] or None, e("")}, key=repr)
            for m in ["split", "rsplit"]:
                for sep in seps:
                    for mx in [-1, 1]:
                        add(s, m, sep, mx)
            for m in ["partition", "rpartition"]:
                for sep in [e(""), e("a"), e(" "), s[1:3], e("zz")]:
                    add(s, m, sep)
            for old, new in [(e(""), e("-")), (e("a"), e("XY")), (s[:1], e("")), (s[1:3], s[:1]), (e("zz"), e("q"))]:
                for c in [-1, 2]:
                    add(s, "replace", old, new, c)
            for sep in [e(""), e(", ")]:
                add(sep, "join", [s, s[:2], e("")])
            add(s, "join", [e("x"), e("y"), e("z")])
            add(s, "join", [])
        else:
            add(s, "split", None, -1)
            add(s, "rsplit", None, 1)
            add(s, "replace", s[:1], e("<>"), -1)
            add(s, "partition", s[1:2] or e(" "))
        for k in [False, True]:
            add(s, "splitlines", k)
        if not isb:
            if rich and not s.isascii():
                for enc in ["ascii", "latin-1"]:
                    for errs in ERRORS + ["xmlcharrefreplace", "surrogateescape", "bogus"]:
                        if enc == "ascii" or errs in ("strict", "replace"):
                            add(s, "encode", enc, errs)
                for enc in ["utf-8", "UTF8", "Latin_1", " us--ascii ", "foo"]:
                    add(s, "encode", enc, "strict")
            else:
                add(s, "encode", "utf-8", "strict")
                if not s.isascii():
                    add(s, "encode", "ascii", "strict")
                    add(s, "encode", "latin-1", "replace")
            add(s, "translate", {ord("a"): "A", ord("l"): None, 0x3a3: "\U0001f600", 32: "__", -1: "x"})
        else:
            add(s, "decode", "utf-8", "strict")
            if not s.isascii():
                add(s, "decode", "utf-8", "replace")
                add(s, "decode", "ascii", "strict")
            if rich:
                for enc in ["latin-1", "cp65001", "foo"]:
                    add(s, "decode", enc, "strict")
                add(s, "decode", "utf-8", "backslashreplace")
            add(s, "hex")
    for b in BAD_UTF8:
        for enc in ["utf-8", "ascii"] if b in BAD_UTF8[:6] else ["utf-8"]:
            for errs in ERRORS + ["xmlcharrefreplace", "bogus", "surrogatepass"]:
                if errs not in ("strict", "replace") and (enc == "ascii" or b not in BAD_UTF8[::4]):
                    continue
                add(b, "decode", enc, errs)
    add("x", "expandtabs", 2**40)
    add("x\t", "expandtabs", -2**40)
    add(b"x\t", "expandtabs", 2**31)
    add("\u03a3" * 3, "lower")
    add("\u03a3\u03a3 \u03a3", "lower")
    add("A\u03a3\U0001d400", "lower")
    add("A\u03a3\u00ad\u00ad", "lower")
    add("abc", "translate", {})
    add("abc", "join", ["only"])
    return recvs, out


def main():
    recvs, cs = cases()
    w = sys.stdout.write
    w("//! Cases generated by tools/gen_text_cases.py from CPython %s; do not edit.\n" % sys.version.split()[0])
    w("\n// @generated\nuse super::V::{self, *};\nuse super::W::{self, *};\n\n")
    w("pub static RECEIVERS: &[V] = &[\n")
    for r in recvs:
        w("    %s,\n" % rs_val(r))
    w("];\n\n")
    w("pub static CASES: &[(usize, &str, &[V], W)] = &[\n")
    for c in cs:
        w(c + "\n")
    w("];\n")


if __name__ == "__main__":
    if sys.argv[1:] == ["--exhaustive"]:
        exhaustive()
    else:
        main()
