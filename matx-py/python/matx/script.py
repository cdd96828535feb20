"""``matx.script(obj)``: compiles a Python function or class to native code from Python.

The object's source (found by :mod:`inspect`) and the module-level functions, classes and
literal constants of its module that it refers to, transitively, plus the module's
``typing`` / ``math`` / ``from matx import NDArray`` imports, become one script. The script
goes into a generated crate (``matx_script!`` plus ``matx_py::module!``) built by cargo into
an extension module ``matx._scripts.m_<key16>``, cached on disk by a hash of everything the
build depends on; a later call with the same code, in any process, imports the cached module
without running cargo.

Layout of the cache (``$MATX_CACHE_DIR``, else ``$XDG_CACHE_HOME/matx`` or ``~/.cache/matx``)::

    crates/<key>/      Cargo.toml, src/lib.rs and the script (named as the original file,
                       each definition at its original line, so run-time errors of the
                       compiled code name the original file's lines): the generated crate
    target/            one cargo target directory shared by every generated crate, so the
                       runtime (matx, pyo3, the macros) is compiled once per machine
    modules/           m_<key16>.abi3.so: the built modules (``matx._scripts.__path__``)
    locks/<key16>.lock one lock per key around build and install (concurrent processes)

Compile errors come back as :class:`ScriptCompileError` naming the original file and line.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import types
from pathlib import Path
from typing import IO, Any, Dict, List, Optional, Tuple

from ._errors import Error
from ._script_source import (
    CargoNotFoundError,
    ScriptCompileError,
    SourceUnavailableError,
    _build_script,
    _compile_message,
    _ErrorList,
    _no_source,
    _Script,
)


__all__ = [
    "CargoNotFoundError",
    "ScriptCompileError",
    "SourceUnavailableError",
    "cache_dir",
    "script",
]

# The build profile of every generated crate (part of the cache key). The runtime crates
# (matx, matx-py, pyo3 and the rest: `package."*"`) are compiled once per machine, so they
# get full optimisation. The generated crate is the only thing a cold `matx.script`
# compiles; opt-level 3 costs it under 0.1 s over opt-level 1 for a Text2Ids-sized script
# (about 1 s either way), while the code it produces is what users run in their loops, so
# it gets level 3 too. The proc macros keep cargo's default (unoptimised build-override):
# optimising syn, the Python parser and `matx_script!` lengthens the one-time runtime build
# (118 s -> 134 s at opt-level 2 on two cores) and saved nothing measurable on the cold
# compile of scripts of this size (about 1.0 s both ways).
# No debug info and no incremental state: a generated crate is built once and never
# edited. `panic = "unwind"` (the default) is required: panics become Python exceptions.
_PROFILE = """\
[profile.release]
opt-level = 3
debug = false
incremental = false
codegen-units = 16

[profile.release.package."*"]
opt-level = 3
"""

# The version of the generated crate's layout (part of the cache key).
_LAYOUT_VERSION = "1"


# ---------------------------------------------------------------------------------------
# Environment: the cache, the matx sources, the toolchain
# ---------------------------------------------------------------------------------------


def cache_dir() -> Path:
    """The cache directory: ``$MATX_CACHE_DIR``, else ``$XDG_CACHE_HOME/matx``, else
    ``~/.cache/matx``."""
    env = os.environ.get("MATX_CACHE_DIR")
    if env:
        return Path(env).expanduser().absolute()
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg).expanduser().absolute() / "matx"
    return Path.home() / ".cache" / "matx"


def _modules_dir(cache: Path) -> Path:
    return cache / "modules"


def _source_dir() -> Path:
    """The matx sources the generated crates depend on."""
    env = os.environ.get("MATX_SOURCE_DIR")
    if env:
        root = Path(env).expanduser().absolute()
        if not (root / "matx" / "Cargo.toml").is_file() or not (root / "matx-py" / "Cargo.toml").is_file():
            raise Error(f"MATX_SOURCE_DIR={env} is not a matx source tree (it has no matx/Cargo.toml and matx-py/Cargo.toml)")
        return root
    # A development install: matx-py/python/matx/__init__.py -> the repository root.
    here = Path(__file__).resolve().parent
    root = here.parent.parent.parent
    if (root / "matx" / "Cargo.toml").is_file() and (root / "matx-py" / "Cargo.toml").is_file():
        return root
    raise Error(
        "matx.script needs the matx Rust sources to compile scripts, and this matx "
        f"installation ({here}) is not a development install: set MATX_SOURCE_DIR to a matx "
        "source checkout (the directory holding matx/ and matx-py/)"
    )


def _toolchain(cache: Path) -> Tuple[str, str]:
    """``(cargo path, rustc version line)``; rustc runs in the cache, as cargo will (rustup
    picks the toolchain by directory)."""
    cargo = shutil.which("cargo")
    rustc = shutil.which("rustc")
    if cargo is None or rustc is None:
        missing = "cargo" if cargo is None else "rustc"
        raise CargoNotFoundError(
            f"matx.script compiles scripts with Rust, and `{missing}` is not on PATH: install "
            "Rust from https://rustup.rs (then open a new shell), or put cargo on PATH "
            "(e.g. `source ~/.cargo/env`)"
        )
    try:
        cache.mkdir(parents=True, exist_ok=True)
        r = subprocess.run(
            [rustc, "--version"], cwd=str(cache), capture_output=True, text=True, encoding="utf-8", errors="replace", check=False,
        )
    except OSError as e:
        raise CargoNotFoundError(f"matx.script cannot run `{rustc} --version` ({e}): install Rust from https://rustup.rs or put a working cargo on PATH") from None
    if r.returncode != 0:
        raise CargoNotFoundError(f"`rustc --version` failed: {r.stderr.strip()}; install Rust from https://rustup.rs or put a working cargo on PATH")
    return cargo, r.stdout.strip()


def _matx_version() -> str:
    from . import _matx

    return str(_matx.__version__)


# The runtime crates a generated crate compiles, from the source tree (`_source_dir`).
_RUNTIME_CRATES = ("matx", "matx-macros", "matx-py")
_fingerprints: Dict[str, str] = {}


def _runtime_fingerprint(repo: Path) -> str:
    """A digest of the names, sizes and modification times of the runtime crates' sources (as
    cargo judges them fresh): editing matx in a source checkout invalidates the modules built
    against the old code, though the version number is the same. Once per process."""
    done = _fingerprints.get(str(repo))
    if done is not None:
        return done
    h = hashlib.sha256()
    files = [repo / "Cargo.lock"]
    for crate in _RUNTIME_CRATES:
        base = repo / crate
        files += [base / "Cargo.toml", base / "build.rs"]
        files += sorted((base / "src").rglob("*"))
        files += sorted((base / "stubs").rglob("*"))  # matx-macros: builtins and modules
    for f in files:
        try:
            st = f.stat()
        except OSError:
            continue
        if f.is_file():
            h.update(f"{f.relative_to(repo)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    digest = h.hexdigest()
    _fingerprints[str(repo)] = digest
    return digest


def _key(text: str, rustc: str, repo: Path) -> str:
    parts = [
        "matx.script",
        _LAYOUT_VERSION,
        text,
        _matx_version(),
        _runtime_fingerprint(repo),
        rustc,
        _PROFILE,
        str(repo),
        os.environ.get("RUSTFLAGS", ""),
        os.environ.get("CARGO_ENCODED_RUSTFLAGS", ""),
    ]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


# ---------------------------------------------------------------------------------------
# The crate, the build, the install
# ---------------------------------------------------------------------------------------


def _toml_str(s: str) -> str:
    return json.dumps(s)  # a TOML basic string is a JSON string for paths and names


def _write_if_changed(path: Path, text: str) -> None:
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except (OSError, UnicodeDecodeError):
        pass
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _write_crate(crate: Path, key16: str, script_: _Script, origin: str, repo: Path) -> None:
    (crate / "src").mkdir(parents=True, exist_ok=True)
    origin = " ".join(origin.split())
    cargo_toml = f"""\
# Generated by matx.script for {origin} (do not edit: the cache key covers this text).
[package]
name = "matx_script_{key16}"
version = "0.0.0"
edition = "2021"
publish = false

[lib]
crate-type = ["cdylib"]

[features]
# The scripts' Python bindings (`matx_script!` generates them under this feature).
python = []
default = ["python"]

[dependencies]
matx = {{ path = {_toml_str(str(repo / "matx"))} }}
matx-py = {{ path = {_toml_str(str(repo / "matx-py"))}, default-features = false, features = ["extension-module"] }}

# Its own workspace, whatever directory the cache is in.
[workspace]

{_PROFILE}"""
    lib_rs = f"""\
//! Generated by matx.script: {origin}, compiled by `matx_script!` into the
//! extension module `matx._scripts.m_{key16}`.
#![allow(dead_code)]

mod script {{
    matx::matx_script!(file = "{script_.file_name}");
}}

matx_py::module!(m_{key16}: script);
"""
    _write_if_changed(crate / "Cargo.toml", cargo_toml)
    _write_if_changed(crate / "src" / "lib.rs", lib_rs)
    _write_if_changed(crate / script_.file_name, script_.text)
    lock = crate / "Cargo.lock"
    if not lock.exists() and (repo / "Cargo.lock").is_file():
        # The versions matx is tested with, and no registry lookup for the resolution.
        shutil.copyfile(repo / "Cargo.lock", lock)


class _Progress:
    """One status line on stderr, rewritten in place with ``\\r`` and cleared at the end."""

    def __init__(self, stream: IO[str], name: str, total: Optional[int]) -> None:
        self.stream = stream
        self.total = total
        self.done = 0
        self.current = name
        self.width = 0
        self.drawn = 0.0  # when the line was last drawn (redrawn at most 10 times a second)
        self.lock = threading.Lock()

    def update(self, current: Optional[str] = None, done: Optional[int] = None) -> None:
        with self.lock:
            if current is not None:
                self.current = current
            if done is not None:
                self.done = done
            now = time.monotonic()
            if self.width and current is None and now - self.drawn < 0.1:
                return
            self.drawn = now
            if self.total is not None:
                count = f"{min(self.done, self.total)}/{self.total}"
            else:
                count = f"{self.done} done"
            self._show(f"matx.script: compiling {self.current} ({count})")

    def show(self, text: str) -> None:
        with self.lock:
            self._show(text)

    def _show(self, text: str) -> None:
        cols = shutil.get_terminal_size((80, 24)).columns - 1
        text = text[: max(cols, 20)]
        self._write("\r" + text.ljust(self.width))
        self.width = len(text)

    def clear(self) -> None:
        with self.lock:
            if self.width:
                self._write("\r" + " " * self.width + "\r")
                self.width = 0

    def _write(self, s: str) -> None:
        try:
            self.stream.write(s)
            self.stream.flush()
        except (OSError, ValueError):
            pass


_COMPILING = re.compile(r"^\s*Compiling (\S+)")


def _units_file(target: Path) -> Path:
    return target / ".matx-script-units"


def _read_messages(
    stream: IO[str],
    progress: _Progress,
    package: str,
    script_: _Script,
    macro_errors: _ErrorList,
    rust_errors: List[str],
    result: Dict[str, Any],
) -> None:
    """Reads cargo's JSON messages: artifacts (progress, the built library), compiler
    errors (``matx_script!``'s mapped to the original source), the outcome."""
    units = 0
    # `matx_script!`'s errors: `file.py:line:col: message`.
    script_error = re.compile(rf"^{re.escape(script_.file_name)}:(\d+):(\d+): (.*)$", re.DOTALL)
    for line in stream:
        try:
            msg = json.loads(line)
        except ValueError:
            continue
        reason = msg.get("reason")
        if reason == "compiler-artifact":
            units += 1
            result["units"] = units
            progress.update(done=units)
            if msg.get("target", {}).get("name") == package:
                for f in msg.get("filenames", []):
                    if f.endswith((".so", ".dylib")):
                        result["library"] = Path(f)
        elif reason == "compiler-message":
            m = msg.get("message", {})
            if not str(m.get("level", "")).startswith("error"):
                continue
            text = str(m.get("message", ""))
            hit = script_error.match(text)
            if hit:
                f, ln, cl = script_.origin(int(hit.group(1)), int(hit.group(2)))
                macro_errors.append((f, ln, cl, hit.group(3)))
            elif not text.startswith("aborting due to"):
                rust_errors.append(str(m.get("rendered") or text).rstrip())
        elif reason == "build-finished":
            result["success"] = bool(msg.get("success"))


def _cargo_build(cargo: str, crate: Path, target: Path, key16: str, script_: _Script) -> Path:
    """Runs cargo; the built library, or :class:`ScriptCompileError`."""
    try:
        total: Optional[int] = int(_units_file(target).read_text(encoding="ascii"))
    except (OSError, ValueError):
        total = None
    package = f"matx_script_{key16}"
    cmd = [
        cargo, "build", "--release", "--lib",
        "--manifest-path", str(crate / "Cargo.toml"),
        "--target-dir", str(target),
        "--message-format", "json",
        "--color", "never",
    ]
    env = dict(os.environ)
    env["PYO3_PYTHON"] = sys.executable  # pyo3's build script asks it for the ABI
    env["CARGO_TERM_PROGRESS_WHEN"] = "never"
    env.pop("CARGO_TARGET_DIR", None)
    env.pop("CARGO_BUILD_TARGET", None)
    progress = _Progress(sys.stderr, script_.name, total)
    progress.update()
    stderr_lines: List[str] = []
    macro_errors: _ErrorList = []
    rust_errors: List[str] = []
    result: Dict[str, Any] = {}

    def read_stderr(stream: IO[str]) -> None:
        for line in stream:
            stderr_lines.append(line.rstrip("\n"))
            m = _COMPILING.match(line)
            if m:
                progress.update(current=script_.name if m.group(1) == package else m.group(1))
            elif "Blocking waiting for file lock" in line:
                progress.update(current="(waiting for another build)")

    try:
        proc = subprocess.Popen(
            cmd, cwd=str(crate), env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, encoding="utf-8", errors="replace", bufsize=1,
        )
    except OSError as e:
        progress.clear()
        raise CargoNotFoundError(f"matx.script cannot run {cargo} ({e}): install Rust from https://rustup.rs or put a working cargo on PATH") from None
    with proc:
        assert proc.stdout is not None and proc.stderr is not None
        reader = threading.Thread(target=read_stderr, args=(proc.stderr,), daemon=True)
        reader.start()
        try:
            _read_messages(proc.stdout, progress, package, script_, macro_errors, rust_errors, result)
            proc.wait()
            reader.join()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            progress.clear()
    library: Optional[Path] = result.get("library")
    success = bool(result.get("success"))
    units = int(result.get("units") or 0)
    if macro_errors:
        raise ScriptCompileError(_compile_message(script_.name, macro_errors), macro_errors)
    if not success or proc.returncode != 0 or library is None:
        if rust_errors:
            detail = "\n\n".join(rust_errors[:3])
            what = (
                "the Rust generated from it did not compile (a matx bug: please report it "
                f"with the script {crate / script_.file_name})"
            )
        else:
            tail = [ln for ln in stderr_lines if not _COMPILING.match(ln)]
            first = next((i for i, ln in enumerate(tail) if ln.startswith("error")), max(len(tail) - 20, 0))
            detail = "\n".join(tail[first : first + 40])
            what = f"cargo failed (exit status {proc.returncode})"
        errors: _ErrorList = [(None, None, None, detail)]
        raise ScriptCompileError(f"matx.script could not compile {script_.name!r}: {what}:\n{detail}", errors)
    try:
        _write_if_changed(_units_file(target), str(units))
    except OSError:
        pass
    return library


def _drop_build_outputs(target: Path, built: Path, key16: str) -> None:
    """Removes the target directory's copies of an installed library (its fingerprints and
    the runtime's outputs stay): the cache keeps one copy of each module, in modules/."""
    for p in [built, *(target / "release" / "deps").glob(f"libmatx_script_{key16}-*")]:
        try:
            p.unlink()
        except OSError:
            pass


# Modules compiled or imported by this process, by key.
_loaded: Dict[str, types.ModuleType] = {}


def _import(cache: Path, key16: str) -> types.ModuleType:
    from . import _scripts

    modules = str(_modules_dir(cache))
    if modules not in _scripts.__path__:
        _scripts.__path__.append(modules)
    return importlib.import_module(f"matx._scripts.m_{key16}")


def _compile(script_: _Script, origin: str) -> types.ModuleType:
    cache = cache_dir()
    cargo, rustc = _toolchain(cache)
    repo = _source_dir()
    key = _key(script_.file_name + "\n" + script_.text, rustc, repo)
    key16 = key[:16]
    mod = _loaded.get(key)
    if mod is not None:
        return mod
    so = _modules_dir(cache) / f"m_{key16}.abi3.so"
    if not so.exists():
        import fcntl  # POSIX only: imported here so `import matx` works everywhere

        locks = cache / "locks"
        locks.mkdir(parents=True, exist_ok=True)
        with open(locks / f"{key16}.lock", "wb") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                # Another process is compiling the same code: wait for its module.
                waiting = _Progress(sys.stderr, script_.name, None)
                waiting.show(f"matx.script: waiting for another process compiling {script_.name}")
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX)
                finally:
                    waiting.clear()
            try:
                if not so.exists():  # another process may have built it meanwhile
                    crate = cache / "crates" / key
                    _write_crate(crate, key16, script_, origin, repo)
                    built = _cargo_build(cargo, crate, cache / "target", key16, script_)
                    so.parent.mkdir(parents=True, exist_ok=True)
                    tmp = so.with_name(f".{so.name}.{os.getpid()}.tmp")
                    shutil.copyfile(built, tmp)
                    os.replace(tmp, so)
                    importlib.invalidate_caches()
                    _drop_build_outputs(cache / "target", built, key16)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
    mod = _import(cache, key16)
    _loaded[key] = mod
    return mod


def script(obj: Any) -> Any:
    """Compiles a function or class (and the module-level functions, classes and constants
    it refers to) to native code; returns the compiled function or class.

    The first call for some code runs cargo (a minute or more the first time on a machine,
    while the matx runtime is compiled into the cache; a few seconds after that); later
    calls, in any process, import the cached module. Usable as a decorator.

    Raises :class:`ScriptCompileError` (errors at the original file and line),
    :class:`SourceUnavailableError`, :class:`CargoNotFoundError`, and ``TypeError`` for
    objects that are not functions or classes.
    """
    module = getattr(obj, "__module__", None)
    if isinstance(module, str) and module.startswith("matx._scripts."):
        return obj  # already compiled
    if inspect.isbuiltin(obj) or (inspect.isclass(obj) and module == "builtins"):
        raise _no_source(obj, "it is built in")
    if not (inspect.isfunction(obj) or inspect.isclass(obj)):
        raise TypeError(f"matx.script compiles a function or a class, not {type(obj).__name__}")
    script_ = _build_script(obj)
    origin = f"{obj.__qualname__} ({inspect.getsourcefile(obj)})"
    mod = _compile(script_, origin)
    try:
        return getattr(mod, script_.name)
    except AttributeError:
        raise ScriptCompileError(
            f"matx.script compiled {script_.name!r} but its module has no {script_.name!r} (is it private, or an exception class?)",
            [],
        ) from None
