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
echo "== generated Python bindings in an embedded interpreter (matx-tests --features python)"
cargo clippy -p matx-tests --features python --tests --quiet -- -D warnings
cargo test -p matx-tests --features python --test python_bindings --test python_ops --quiet
echo "== matx difftest tests/difftest"
cargo run --quiet -p matx-cli -- difftest tests/difftest
echo "== python: matx package and the text2ids example (maturin develop into .venv), pytest"
. scripts/python-env.sh
matx_develop examples/text2ids
RUST_BACKTRACE=0 .venv/bin/python -m pytest -W error -q -p no:cacheprovider matx-py/tests/python examples/text2ids/tests
