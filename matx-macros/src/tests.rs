//! Snapshot tests of the lowering (the Rust generated for representative scripts) and
//! table-driven tests of compile errors, both on `proc_macro2` without a compiler run.

use crate::expand::compile;
use crate::source::Source;

fn lower(src: &str) -> String {
    let s = Source::new("t.py".into(), src.into(), None);
    match compile(&s) {
        Ok(tokens) => match syn::parse2::<syn::File>(tokens.clone()) {
            Ok(f) => prettyplease::unparse(&f),
            Err(e) => format!("unparsable output ({e}):\n{tokens}"),
        },
        Err(d) => d
            .render(&s)
            .into_iter()
            .map(|(_, m)| m)
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// Every compile error of a script, one a line.
fn errors(src: &str) -> String {
    let s = Source::new("t.py".into(), src.into(), None);
    match compile(&s) {
        Ok(_) => "compiled".into(),
        Err(d) => d
            .render(&s)
            .into_iter()
            .map(|(_, m)| m)
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// An error is reported once: what is built on an erroneous expression is not reported again.
#[test]
fn no_cascades_from_an_erroneous_expression() {
    assert_eq!(
        errors("def f(x: int) -> str:\n    return type(x).__name__\n"),
        "t.py:2:12: `type()` is not supported in scripts"
    );
    assert_eq!(
        errors("from typing import List\n\ndef f(n: int) -> List[int]:\n    def gen(k: int):\n        for i in range(k):\n            yield i\n    return list(gen(n))\n"),
        "t.py:6:13: generators (`yield`) are not supported: build and return a list"
    );
}

/// The first compile error of a script.
fn error(src: &str) -> String {
    errors(src).lines().next().unwrap_or_default().to_string()
}

#[test]
fn snapshot_function_and_loop() {
    insta::assert_snapshot!(lower(
        "def total(xs: list[int]) -> int:\n    s = 0\n    for x in xs:\n        if x > 0:\n            s += x\n    return s\n"
    ));
}

#[test]
fn snapshot_class_with_inheritance() {
    insta::assert_snapshot!(lower(
        "class Animal:\n    name: str\n    def __init__(self, name: str) -> None:\n        self.name = name\n    def speak(self) -> str:\n        return self.name\n\nclass Dog(Animal):\n    def speak(self) -> str:\n        return super().speak() + \" woof\"\n"
    ));
}

#[test]
fn snapshot_try_except_finally() {
    insta::assert_snapshot!(lower(
        "def parse(s: str) -> int:\n    try:\n        r = int(s)\n    except ValueError as e:\n        print(e)\n        r = -1\n    finally:\n        print(\"done\")\n    return r\n"
    ));
}

#[test]
fn snapshot_comprehension_and_lambda() {
    insta::assert_snapshot!(lower(
        "from typing import Dict, List\n\ndef index(words: List[str]) -> Dict[str, int]:\n    ws = sorted(words, key=lambda w: (len(w), w))\n    return {w: i for i, w in enumerate(ws) if w}\n"
    ));
}

#[test]
fn errors_are_data() {
    let cases: &[(&str, &str)] = &[
        ("def f(x) -> int:\n    return 1\n", "t.py:1:7: parameter `x` needs a type annotation, e.g. `x: int`"),
        ("def f() -> int:\n    return 99999999999999999999\n", "t.py:2:12: integer literal does not fit in 64 bits (matx ints are 64-bit)"),
        ("def f() -> int:\n    x = 1\n", "t.py:1:5: function `f` can reach its end without returning a value (Python would return None): end every path with `return` or `raise`"),
        ("import os\n", "t.py:1:8: cannot import `os`: scripts may import `math` and names from `typing`"),
        ("from typing import List\n\ndef f(xs: List[int]) -> str:\n    return str(zip(xs, xs))\n", "t.py:4:16: `zip(...)` is a lazy iterator in Python but a list built now in matx, which differs once it is kept, printed or indexed: iterate it in a `for`, or pass it to `list(...)`, `sorted(...)`, `sum(...)` and the like"),
        ("from typing import Dict\n\ndef f(d: Dict[str, int]) -> bool:\n    return d.values() == d.values()\n", "t.py:4:12: `.values()` is a live view of the dict in Python but a list copied now in matx, which prints, compares and follows changes differently: iterate it in a `for`, test `in` it, or pass it to `list(...)`, `sorted(...)`, `len(...)` and the like"),
        ("def f(x: float) -> None:\n    pass\n\ndef g() -> None:\n    f(1)\n", "t.py:5:7: argument `x` of `f`: expected `float`, found `int`; CPython would keep the int (printing `1`, not `1.0`): write a float such as `1.0`, or convert with `float(...)`"),
        ("def f() -> int:\n    return 2**63 - 1\n", "compiled"),
        ("from matx import NDArray\n\ndef f(a: NDArray) -> int:\n    return len(a.shape()) + a.ndim\n", "t.py:4:16: `NDArray.shape` is a property, as in numpy: write `a.shape`, not `a.shape()`"),
        ("from matx import NDArray\n\ndef f(a: NDArray) -> int:\n    return a.shape[0] + a.ndim + a.size + len(a.strides) + len(a.dtype)\n", "compiled"),
        ("from matx import NDArray\n\ndef f(a: NDArray) -> int:\n    return a.nbytes\n", "t.py:4:14: `NDArray` has no attribute `nbytes` usable as a value"),
        // Keywords CPython refuses (positional-only parameters) are compile errors.
        ("from typing import Dict\n\ndef f(d: Dict[int, int]) -> int:\n    return d.pop(key=1)\n", "t.py:4:12: `dict.pop()` takes `key` by position only (a keyword raises TypeError in CPython): pass it without `key=`"),
        ("def f() -> int:\n    return \"ab\".index(sub=\"b\")\n", "t.py:2:12: `str.index()` takes `sub` by position only (a keyword raises TypeError in CPython): pass it without `sub=`"),
        ("def f(s: str) -> int:\n    return len(obj=s)\n", "t.py:2:12: `len()` takes `obj` by position only (a keyword raises TypeError in CPython): pass it without `obj=`"),
        ("import math\n\ndef f() -> float:\n    return math.sqrt(x=2.0)\n", "t.py:4:12: `math.sqrt()` takes `x` by position only (a keyword raises TypeError in CPython): pass it without `x=`"),
        ("def f(s: str) -> str:\n    return s.translate(table={})\n", "t.py:2:12: `str.translate()` takes `table` by position only (a keyword raises TypeError in CPython): pass it without `table=`"),
        ("def f(s: str) -> int:\n    return abs(s)\n", "t.py:2:12: `abs()` does not take arguments of types (str)"),
        ("def f(s: str) -> str:\n    return chr(s)\n", "t.py:2:16: argument `i` of `chr`: expected `int`, found `str`"),
        ("import math\n\ndef f() -> float:\n    return math.erf(1.0)\n", "t.py:4:12: `math.erf` is not supported: module `math` has no function `erf` in matx"),
        ("from typing import List\n\ndef f(xs: List[int]) -> None:\n    xs.sort(lambda x: x)\n", "t.py:4:5: `list.sort()` takes no positional arguments but 1 was given"),
        ("from typing import Any\n\ndef f() -> Any:\n    return (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13)\n", "t.py:4:12: tuples of more than 12 items are not supported: use a list"),
        ("def f() -> int:\n    return max(1, 2, default=0)\n", "t.py:2:12: `max()` cannot take a default with several positional arguments (CPython raises TypeError)"),
        ("def f(a: int, *, b: int) -> int:\n    return a + b\n\ndef g() -> int:\n    return f(1, 2)\n", "t.py:5:17: `f` takes 1 positional argument(s) but more were given"),
        ("def f(a: int, /, b: int) -> int:\n    return a + b\n\ndef g() -> int:\n    return f(a=1, b=2)\n", "t.py:5:14: `f` takes `a` by position only (a keyword raises TypeError in CPython): pass it without `a=`"),
    ];
    for (src, want) in cases {
        assert_eq!(&error(src), want, "for script:\n{src}");
    }
}

/// No input makes the compiler panic: every program of the difftest corpus, and every
/// prefix of it (cut at a line) and every variant with one line removed, either compiles
/// or is rejected with diagnostics.
#[test]
fn no_input_panics() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/difftest");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "py"));
    files.sort();
    assert!(files.len() > 100, "corpus not found at {}", dir.display());
    let mut variants = 0;
    for (k, f) in files.iter().enumerate() {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let mut inputs = vec![text.clone()];
        for n in 0..lines.len() {
            inputs.push(lines[..n].join("\n"));
        }
        // One line removed, on every fourth program (keeps the test quick).
        if k % 4 == 0 {
            for n in 0..lines.len() {
                let mut v = lines.clone();
                v.remove(n);
                inputs.push(v.join("\n"));
            }
        }
        for input in inputs {
            variants += 1;
            let src = Source::new("t.py".into(), input.clone(), None);
            let r =
                std::panic::catch_unwind(|| compile(&src).map(|_| ()).map_err(|d| d.list.len()));
            assert!(
                r.is_ok(),
                "the compiler panicked on a variant of {}:\n{input}",
                f.display()
            );
        }
    }
    assert!(variants > 1000);
}

/// The `.pyi` text generated for a script's bindings (`__matx_python::STUB`).
fn stub(src: &str) -> String {
    let s = Source::new("t.py".into(), src.into(), None);
    let Ok(tokens) = compile(&s) else {
        return "compile error".into();
    };
    let Ok(file) = syn::parse2::<syn::File>(tokens) else {
        return "unparsable output".into();
    };
    for item in &file.items {
        let syn::Item::Mod(m) = item else { continue };
        if m.ident != "__matx_python" {
            continue;
        }
        for it in m.content.iter().flat_map(|(_, items)| items) {
            if let syn::Item::Const(c) = it {
                if let syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(l),
                    ..
                }) = &*c.expr
                {
                    return l.value();
                }
            }
        }
    }
    "no stub".into()
}

#[test]
fn snapshot_python_stub() {
    insta::assert_snapshot!(stub(concat!(
        "from typing import Callable, Dict, List, Optional, Tuple\n\n",
        "def scale(xs: List[float], k: float = 2.0) -> List[float]:\n    return [x * k for x in xs]\n\n",
        "def apply(f: Callable[[int], int], x: int) -> Optional[Tuple[int, str]]:\n    return (f(x), 'a')\n\n",
        "class Base:\n    n: int\n    def __init__(self, n: int, tag: str = 'b') -> None:\n        self.n = n\n",
        "    def size(self) -> int:\n        return self.n\n",
        "    def __len__(self) -> int:\n        return self.n\n\n",
        "class Child(Base):\n    def size(self) -> int:\n        return self.n * 2\n",
        "    @property\n    def double(self) -> int:\n        return self.n * 2\n",
        "    @staticmethod\n    def make(d: Dict[str, int]) -> int:\n        return len(d)\n",
        "    def __repr__(self) -> str:\n        return 'Child'\n",
    )));
}

#[test]
fn snapshot_loop_invariant_fields() {
    // `ids` reads both fields once before its loop (the dict borrowed as the receiver);
    // `bump_each` calls a method in its loop, so it reads `unk` on every iteration.
    insta::assert_snapshot!(lower(
        "from typing import Dict, List\n\nclass T:\n    vocab: Dict[str, int]\n    unk: int\n\n    def __init__(self) -> None:\n        self.vocab = {}\n        self.unk = 0\n\n    def ids(self, words: List[str]) -> List[int]:\n        return [self.vocab.get(w, self.unk) for w in words]\n\n    def bump(self) -> None:\n        self.unk += 1\n\n    def bump_each(self, words: List[str]) -> int:\n        n = 0\n        for w in words:\n            n += self.unk\n            self.bump()\n        return n\n"
    ));
}

/// Which list and dict locals stay inside their function (`LocalList`, `LocalDict`) and which
/// may be seen elsewhere.
#[test]
fn containers_that_never_leave_their_function() {
    let out = lower(
        "from typing import List\n\ndef keep(xs: List[int]) -> int:\n    return len(xs)\n\ndef f(n: int) -> List[int]:\n    a = [0] * n\n    b = list(range(n))\n    a, b = b, a\n    c = [1]\n    d = c\n    e = [2]\n    keep(e)\n    g = [3]\n    h: List[List[int]] = [g]\n    for x in b:\n        a[x] = a[-1] + len(a)\n        a.append(x)\n    a.extend([7])\n    for p, q in zip(a, enumerate(b)):\n        d.append(p)\n    d.append(len(b))\n    if 3 in b:\n        a = list(b)\n    return a\n",
    );
    let decl = |name: &str, ty: &str| format!("let mut l_{name}: ::matx::{ty}<");
    // `h` holds `g` (so `g` is seen through it) but is itself never passed on.
    for n in ["a", "b", "h"] {
        assert!(out.contains(&decl(n, "LocalList")), "{n}:\n{out}");
    }
    for n in ["c", "d", "e", "g"] {
        assert!(out.contains(&decl(n, "List")), "{n}:\n{out}");
    }
    assert!(
        out.contains("::matx::LocalList::into_list(&mut l_a)"),
        "{out}"
    );

    let out = lower(
        "from typing import Dict, List\n\ndef g(words: List[str], other: Dict[str, int]) -> Dict[str, int]:\n    counts: Dict[str, int] = {}\n    for w in words:\n        counts[w] = counts.get(w, 0) + 1\n    seen = {w: 1 for w in words}\n    del seen['x']\n    shared = {'a': 1}\n    same = shared == other\n    return counts\n",
    );
    for n in ["counts", "seen"] {
        assert!(
            out.contains(&format!("let mut l_{n}: ::matx::LocalDict<")),
            "{n}:\n{out}"
        );
    }
    assert!(out.contains("let mut l_shared: ::matx::Dict<"), "{out}");
    assert!(
        out.contains("::matx::LocalDict::into_dict(&mut l_counts)"),
        "{out}"
    );
}

/// Prints the Rust generated for the script at `$MATX_DUMP` (a development aid:
/// `MATX_DUMP=benches/scripts/bench.py cargo test -p matx-macros --lib dump -- --ignored --nocapture`).
#[test]
#[ignore]
fn dump() {
    let path = std::env::var("MATX_DUMP").unwrap_or_default();
    let src = std::fs::read_to_string(&path).unwrap_or_default();
    println!("{}", lower(&src));
}

#[test]
fn snapshot_strings_by_code_point() {
    // `c` only holds `s[i]`: a `char`; `==` and `in` on it compare code points; the literal
    // comparison of `w` reads its text in place; `c` is made a `str` again where appended.
    insta::assert_snapshot!(lower(
        "from typing import List\n\ndef f(s: str, w: str) -> List[str]:\n    out: List[str] = []\n    for i in range(len(s)):\n        c = s[i]\n        if c == \" \" or c in \",.\" or c == s[i - 1]:\n            out.append(c)\n    for ch in w:\n        if ch != \"x\":\n            out.append(ch)\n    if w == \"stop\":\n        out.append(w)\n    return out\n"
    ));
}

#[test]
fn snapshot_range_counter_arithmetic() {
    // `i + 1` and `i - 1` cannot overflow inside `for i in range(1, n)`, nor `n - 1` and
    // `n - 2` after `if n < 2: return n`; `n + 1`, `i + 2`, `j + 1` after `j` is assigned in
    // its loop, and the sum of the two calls keep their `OverflowError` checks.
    insta::assert_snapshot!(lower(
        "def f(n: int) -> int:\n    t = 0\n    for i in range(1, n):\n        t = i + 1 + (i - 1) + (i + 2) + (n + 1)\n    for j in range(n):\n        j = j * 2\n        t = j + 1\n    return t\n\ndef fib(n: int) -> int:\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n"
    ));
}

#[test]
fn snapshot_list_reads_in_loops() {
    // `xs[i]` and `xs[i - 1]` go through one reader made before the loop; `ys` is assigned
    // in its loop, so it is read under its lock; `zs` is kept to the function (no lock at all).
    insta::assert_snapshot!(lower(
        "from typing import List\n\ndef f(xs: List[float], ys: List[int]) -> float:\n    s = 0.0\n    zs = [1.0, 2.0]\n    for i in range(1, len(xs)):\n        s += xs[i] - xs[i - 1] + zs[i % 2]\n    for j in range(3):\n        ys = [ys[j]]\n    return s\n"
    ));
}
