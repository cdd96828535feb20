#!/usr/bin/env bash
# Sets everything up, then runs every check and test: formatting, clippy, the Rust tests
# (unit, UI, snapshot), the differential corpus against CPython, and the Python package's
# pytest suite (built into .venv with maturin, sharing the workspace target directory).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
export CARGO_TERM_COLOR=never
echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --quiet -- -D warnings
echo "== cargo test"
cargo test --workspace --quiet
echo "== matx difftest tests/difftest"
cargo run --quiet -p matx-cli -- difftest tests/difftest
echo "== python: matx package (maturin develop into .venv) and pytest"
PY_PINS="maturin==1.16.0 pytest==9.2.0"
[ -x .venv/bin/python ] || python3 -m venv .venv
if [ "$(cat .venv/.matx-pins 2>/dev/null)" != "$PY_PINS" ]; then
  # shellcheck disable=SC2086
  .venv/bin/pip install -q --disable-pip-version-check $PY_PINS
  echo "$PY_PINS" > .venv/.matx-pins
fi
(cd matx-py && VIRTUAL_ENV="$PWD/../.venv" PATH="$PWD/../.venv/bin:$PATH" maturin develop -q)
(cd examples/text2ids && VIRTUAL_ENV="$PWD/../../.venv" PATH="$PWD/../../.venv/bin:$PATH" maturin develop -q)
RUST_BACKTRACE=0 .venv/bin/python -m pytest -W error -q -p no:cacheprovider matx-py/tests/python examples/text2ids/tests
