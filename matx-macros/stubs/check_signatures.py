"""Checks the stubs' parameter kinds against CPython's (run by `stubs.rs`'s tests).

Reads lines `owner name kinds` (see `signature_lines` in stubs.rs) and reports every
declared parameter CPython passes another way, or names differently. A builtin without an
introspectable signature takes its arguments by position only, unless listed below.
"""

import builtins
import importlib
import inspect
import sys

# Builtins CPython gives no signature but which take some arguments by name.
NO_SIGNATURE_KEYWORDS = {
    "builtins max": {"key", "default"},
    "builtins min": {"key", "default"},
    "builtins dict": set(),
    "builtins int": {"base"},
    "builtins str": {"object", "encoding", "errors"},
    "builtins bytes": {"source", "encoding", "errors"},
    "builtins zip": {"strict"},
    "builtins.str format": set(),
}

KINDS = {
    inspect.Parameter.POSITIONAL_ONLY: "p",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "a",
    inspect.Parameter.KEYWORD_ONLY: "k",
}


def resolve(owner: str, name: str):
    module, _, cls = owner.partition(".")
    obj = builtins if module == "builtins" else importlib.import_module(module)
    if cls:
        obj = getattr(obj, cls)
    return getattr(obj, name)


def check(owner: str, name: str, kinds: str) -> list:
    errors = []
    declared = [k for k in kinds.split(",") if k]
    target = resolve(owner, name)
    where = f"{owner}.{name}"
    try:
        sig = inspect.signature(target)
    except (ValueError, TypeError):
        sig = None
    if sig is None:
        allowed = NO_SIGNATURE_KEYWORDS.get(f"{owner} {name}")
        for d in declared:
            if d.startswith("*"):
                continue
            kind, pname = d.split(":")
            if allowed is not None and pname in allowed:
                continue
            if kind != "p" and not (allowed is not None and kind in "ak" and pname in allowed):
                errors.append(f"{where}: `{pname}` is declared `{kind}` but CPython takes it by position only")
        return errors
    params = [p for p in sig.parameters.values() if p.name not in ("self", "type", "module")]
    by_name = {p.name: p for p in params}
    positional = [p for p in params if p.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    pos_index = 0
    for d in declared:
        if d.startswith("*"):
            if not any(p.kind == inspect.Parameter.VAR_POSITIONAL for p in params):
                errors.append(f"{where}: declares `{d}` but CPython has no *args")
            continue
        kind, pname = d.split(":")
        if kind in ("p", "a"):
            if pos_index >= len(positional):
                if not any(p.kind == inspect.Parameter.VAR_POSITIONAL for p in params):
                    errors.append(f"{where}: positional `{pname}` beyond CPython's parameters")
                continue
            p = positional[pos_index]
            pos_index += 1
            if KINDS[p.kind] != kind:
                errors.append(f"{where}: `{pname}` is declared `{kind}` but CPython's `{p.name}` is `{KINDS[p.kind]}`")
            elif kind == "a" and p.name != pname:
                errors.append(f"{where}: `{pname}` is called `{p.name}` in CPython")
        else:
            p = by_name.get(pname)
            if p is None or p.kind != inspect.Parameter.KEYWORD_ONLY:
                errors.append(f"{where}: keyword-only `{pname}` is not keyword-only in CPython")
    return errors


def main() -> int:
    errors = []
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        owner, name = parts[0], parts[1]
        kinds = parts[2] if len(parts) > 2 else ""
        try:
            errors.extend(check(owner, name, kinds))
        except AttributeError:
            errors.append(f"{owner}.{name}: CPython has no such function")
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
