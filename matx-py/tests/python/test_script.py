"""``matx.script``: functions and classes compiled from Python, compared with CPython; the
on-disk cache (hits in new processes, concurrent compiles); errors; pickling compiled objects.

Every test shares one fresh cache (``MATX_CACHE_DIR`` under pytest's temporary directory),
so the matx runtime is compiled into its ``target/`` once per session (minutes on two
cores); each new script after that is a cold compile of a few seconds.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import pickle
import shutil
import subprocess
import sys
import textwrap
import types
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

import pytest

import matx
from matx.script import _build_script

HERE = Path(__file__).resolve().parent
SAMPLES_FILE = HERE / "script_samples.py"


@pytest.fixture(scope="session")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The session's cache directory (``MATX_CACHE_DIR``, inherited by subprocesses)."""
    path = tmp_path_factory.mktemp("matx-cache")
    old = os.environ.get("MATX_CACHE_DIR")
    os.environ["MATX_CACHE_DIR"] = str(path)
    try:
        yield path
    finally:
        if old is None:
            del os.environ["MATX_CACHE_DIR"]
        else:
            os.environ["MATX_CACHE_DIR"] = old
        # The runtime's build outputs are a few hundred MB: not kept in pytest's temp dirs.
        shutil.rmtree(path / "target", ignore_errors=True)


@pytest.fixture(scope="session")
def samples(cache: Path) -> types.ModuleType:
    """``script_samples``, imported once the cache is set (it compiles ``decorated``)."""
    import script_samples

    return script_samples


def python_path() -> str:
    """``PYTHONPATH`` for a new interpreter: the samples' directory first."""
    return os.pathsep.join([str(HERE)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])


def run_python(code: str, env: Dict[str, str] | None = None) -> Tuple[int, str, str]:
    """Runs ``code`` in a new interpreter that can import the samples: ``(status, stdout,
    stderr)``, the output decoded as is (``\r`` kept)."""
    full_env = dict(os.environ if env is None else env)
    full_env["PYTHONPATH"] = python_path()
    r = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], env=full_env, capture_output=True, check=False, timeout=900,
    )
    return r.returncode, r.stdout.decode(), r.stderr.decode()


def assert_progress_only(stderr: str) -> None:
    """``stderr`` holds nothing but the progress line, and ends with it cleared."""
    assert "matx.script: compiling" in stderr, stderr
    assert stderr.endswith("\r"), repr(stderr[-200:])
    for part in stderr.split("\r"):
        assert part.strip() == "" or part.startswith("matx.script: "), repr(part)


def marker_line(marker: str) -> int:
    """The line of script_samples.py that carries ``marker``."""
    return next(i for i, text in enumerate(SAMPLES_FILE.read_text(encoding="utf-8").splitlines(), 1) if marker in text)


def modules(cache: Path) -> List[str]:
    return sorted(p.name for p in (cache / "modules").iterdir())


def test_function_matches_cpython(samples: types.ModuleType) -> None:
    f = matx.script(samples.word_lengths)
    assert f.__module__.startswith("matx._scripts.m_")
    for words in ([], ["a"], ["hello", "wörld", "日本語", ""]):
        assert f(words) == samples.word_lengths(words)
    with pytest.raises(TypeError, match="words"):
        f("not a list")
    # Compiling the same code again in this process returns the same compiled function.
    assert matx.script(samples.word_lengths) is f
    assert matx.script(f) is f


def test_class_fields_and_methods_match_cpython(samples: types.ModuleType) -> None:
    Counter = matx.script(samples.Counter)
    assert isinstance(Counter, type)
    assert Counter.__module__.startswith("matx._scripts.m_")
    assert sys.modules[Counter.__module__].Counter is Counter
    words = ["a", "b", "a", "c", "a", "b"]
    native, python = Counter(words), samples.Counter(words)
    assert native.get_total() == python.get_total() == 6
    assert native.items() == python.items() == {"a": 3, "b": 2, "c": 1}
    assert native.size == python.size == 3
    assert native.add("c") == python.add("c") == 2
    assert native.add("z") == python.add("z") == 1
    assert native.count("a") == python.count("a") == 3
    assert native.count("q") == python.count("q") == 0
    assert native.most_common() == python.most_common() == "a"
    assert native(["a", "q", "c"]) == python(["a", "q", "c"]) == [3, 0, 2]
    assert native.get_total() == python.get_total() == 8
    assert native.size == python.size == 4
    assert Counter([]).most_common() is None
    assert isinstance(native, Counter) and not isinstance(python, Counter)


def test_function_with_helpers_constants_and_classes(samples: types.ModuleType) -> None:
    script = _build_script(samples.uses_helpers)
    # The helpers, in source order, with the imports they need and nothing else.
    for needed in ("SCALE = 3", "SEPARATOR: str", "def scaled", "class Point", "def joined", "def describe", "import math", "from typing import List"):
        assert needed in script.text, needed
    for unrelated in ("HOME", "import os", "def word_lengths", "class Counter", "import matx", "@matx"):
        assert unrelated not in script.text, unrelated
    order = [script.text.index(s) for s in ("SCALE", "def scaled", "class Point", "def joined", "def describe", "def uses_helpers")]
    assert order == sorted(order)

    f = matx.script(samples.uses_helpers)
    for xs, words in (([1, 2, 3], ["a", "b"]), ([], []), ([0], ["x"])):
        assert f(xs, words) == samples.uses_helpers(xs, words)


def test_local_names_shadow_module_functions(samples: types.ModuleType) -> None:
    script = _build_script(samples.shadows)
    assert "def scaled" not in script.text
    assert matx.script(samples.shadows)(41) == 42


def test_decorator_compiles_and_is_dropped(samples: types.ModuleType, cache: Path) -> None:
    assert samples.decorated.__module__.startswith("matx._scripts.m_")
    assert samples.decorated(["abc", "de"], "+") == "cba+ed"
    # The generated script is the function without its decorator.
    key16 = samples.decorated.__module__.rsplit(".", 1)[1][len("m_"):]
    (crate,) = (cache / "crates").glob(f"{key16}*")
    text = (crate / SAMPLES_FILE.name).read_text(encoding="utf-8")
    assert "@" not in text and "import matx" not in text
    # Each line where it is in the original file (run-time errors name the original lines).
    line = marker_line("def decorated(")
    assert text.splitlines()[line - 1] == "def decorated(words: List[str], sep: str) -> str:"


def test_cache_hit_in_a_new_process(samples: types.ModuleType, cache: Path, tmp_path: Path) -> None:
    f = matx.script(samples.cached_sample)
    assert f("a bc") == ["A", "BC"]
    so = cache / "modules" / f"{f.__module__.rsplit('.', 1)[1]}.abi3.so"
    before = so.stat().st_mtime_ns
    # A `cargo` first on PATH that leaves a mark: the new process must not run it.
    shim = tmp_path / "bin"
    shim.mkdir()
    marker = tmp_path / "cargo-ran"
    (shim / "cargo").write_text(f"#!/bin/sh\ntouch {marker}\nexit 1\n", encoding="utf-8")
    (shim / "cargo").chmod(0o755)
    env = dict(os.environ)
    env["PATH"] = f"{shim}{os.pathsep}{env.get('PATH', '')}"
    rc, out, err = run_python(
        """
        import matx, script_samples
        f = matx.script(script_samples.cached_sample)
        assert f("x yz") == ["X", "YZ"], f("x yz")
        print(f.__module__)
        """,
        env,
    )
    assert rc == 0, err
    assert not marker.exists(), "cargo ran on a cache hit"
    assert err == ""  # no progress line: nothing was compiled
    assert out.split() == [f.__module__]
    assert so.stat().st_mtime_ns == before


def test_editing_the_runtime_sources_changes_the_key(tmp_path: Path) -> None:
    script_mod = importlib.import_module("matx.script")  # `matx.script` is the function

    repo = tmp_path / "src-tree"
    for crate in ("matx", "matx-macros", "matx-py"):
        (repo / crate / "src" / "sub").mkdir(parents=True)
        (repo / crate / "Cargo.toml").write_text("[package]\n", encoding="utf-8")
        (repo / crate / "src" / "sub" / "lib.rs").write_text("//! x\n", encoding="utf-8")

    def key() -> str:
        script_mod._fingerprints.clear()
        return script_mod._key("def f() -> int: ...", "rustc 1.0", repo)

    first = key()
    assert key() == first  # nothing changed: the same key
    lib = repo / "matx-macros" / "src" / "sub" / "lib.rs"
    lib.write_text("//! y\n", encoding="utf-8")
    os.utime(lib, ns=(1, 1))
    assert key() != first
    second = key()
    (repo / "matx" / "src" / "new.rs").write_text("", encoding="utf-8")
    assert key() != second


def test_concurrent_compiles(samples: types.ModuleType, cache: Path) -> None:
    code = """
        import matx, script_samples
        f = matx.script(script_samples.concurrent_sample)
        print(f.__module__, f(10))
        """
    full_env = dict(os.environ)
    full_env["PYTHONPATH"] = python_path()
    procs = [
        subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], env=full_env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    results: List[Tuple[int, str, str]] = []
    for p in procs:
        out, err = p.communicate(timeout=900)
        results.append((p.returncode, out.decode(), err.decode()))
    for rc, out, err in results:
        assert rc == 0, err
    outputs = {out.split()[0] for _, out, _ in results}
    assert len(outputs) == 1
    assert {out.split()[1] for _, out, _ in results} == {str(samples.concurrent_sample(10))}
    # One process compiled (its progress line, cleared); the others waited and imported.
    compiled = [err for _, _, err in results if "matx.script: compiling" in err]
    assert len(compiled) == 1, [err for _, _, err in results]
    assert_progress_only(compiled[0])
    for _, _, err in results:
        assert all(part.strip() == "" or part.startswith("matx.script: ") for part in err.split("\r")), err
    name = outputs.pop().rsplit(".", 1)[1]
    assert f"{name}.abi3.so" in modules(cache)
    assert not [m for m in modules(cache) if m.endswith(".tmp")]
    # In this process too: the module the others built.
    assert matx.script(samples.concurrent_sample)(10) == samples.concurrent_sample(10)


def test_cargo_not_found(samples: types.ModuleType, tmp_path: Path) -> None:
    # The new process imports the samples (a cache hit for `decorated`), then loses cargo
    # and rustc from its PATH.
    rc, out, err = run_python(
        f"""
        import os
        import matx, script_samples
        os.environ["PATH"] = {str(tmp_path / "bin")!r}
        try:
            matx.script(script_samples.uncompiled_sample)
        except matx.CargoNotFoundError as e:
            assert isinstance(e, matx.Error)
            print(e)
        """
    )
    assert rc == 0, err
    assert "https://rustup.rs" in out and "PATH" in out, out
    assert err == ""


def test_constructs_of_the_dialect_match_cpython(samples: types.ModuleType) -> None:
    """Strings, containers, a class hierarchy with super(), a user exception, a closure."""
    f = matx.script(samples.constructs)
    for args in (("hello World  hello 12 -3 x9", 3), ("", 0), ("ÄÖ ü ß 7", -2)):
        assert f(*args) == samples.constructs(*args)


def test_unsupported_construct_is_a_compile_error(samples: types.ModuleType) -> None:
    with pytest.raises(matx.ScriptCompileError, match=r"script_samples\.py:\d+:\d+: generators \(`yield`\) are not supported"):
        matx.script(samples.generator)


def test_compile_error_names_the_original_line(samples: types.ModuleType) -> None:
    line = marker_line("COMPILE-ERROR-HERE")
    with pytest.raises(matx.ScriptCompileError) as info:
        matx.script(samples.broken)
    err = info.value
    assert isinstance(err, matx.Error)
    assert f"{SAMPLES_FILE}:{line}:" in str(err), str(err)
    assert "fix" in str(err)
    assert "cargo" not in str(err).lower() and "rustc" not in str(err)
    assert any(f == str(SAMPLES_FILE) and ln == line for f, ln, _, _ in err.errors), err.errors


def test_run_time_errors_name_the_original_line(samples: types.ModuleType) -> None:
    line = marker_line("RUNTIME-ERROR-HERE")
    f = matx.script(samples.checked_sqrt)
    assert f(6.25) == samples.checked_sqrt(6.25) == 2.5
    with pytest.raises(ValueError, match="negative: -1.0") as info:
        f(-1.0)
    err = info.value
    assert isinstance(err, matx.Error)
    assert (err.script_file, err.script_line) == (SAMPLES_FILE.name, line)
    assert f"{SAMPLES_FILE.name}:{line}" in str(err)


def test_module_level_names_that_cannot_be_scripted(tmp_path: Path, cache: Path) -> None:
    # A function referring to a non-literal module constant: rejected before cargo runs,
    # at the line of the use.
    src = tmp_path / "uses_home.py"
    src.write_text("import os\nHOME = os.getcwd()\n\n\ndef where(x: int) -> str:\n    return HOME\n", encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        import uses_home
    finally:
        sys.path.remove(str(tmp_path))
    with pytest.raises(matx.ScriptCompileError, match=r"uses_home\.py:6:12: `HOME`.*not a literal constant"):
        matx.script(uses_home.where)


def test_source_unavailable() -> None:
    ns: Dict[str, object] = {}
    exec("f = lambda x: x + 1\ndef g(x: int) -> int:\n    return x\n", ns)
    for obj in (ns["f"], ns["g"], len, int):
        with pytest.raises(matx.SourceUnavailableError, match="def") as info:
            matx.script(obj)
        assert isinstance(info.value, matx.Error)
    with pytest.raises(matx.SourceUnavailableError, match="lambda"):
        matx.script(lambda x: x)


def test_rejects_other_objects(samples: types.ModuleType) -> None:
    for obj in (42, "def f(): pass", samples, samples.Counter(["a"])):
        with pytest.raises(TypeError, match="function or a class"):
            matx.script(obj)


def test_pickle_and_multiprocessing_spawn(samples: types.ModuleType) -> None:
    Counter = matx.script(samples.Counter)
    c = Counter(["x", "y", "x"])
    c2 = pickle.loads(pickle.dumps(c))
    assert type(c2) is Counter and c2.items() == c.items() == {"x": 2, "y": 1}
    # A fresh interpreter rebuilds the object from the cached module and calls it.
    ctx = multiprocessing.get_context("spawn")
    batches = [["x"], ["y", "x"], ["z"]]
    with ctx.Pool(2) as pool:
        got = pool.map(c, batches)
    assert got == [c(b) for b in batches] == [[2], [1, 2], [0]]
