#!/usr/bin/env bash
# Sets everything up, then runs every check and test: formatting, clippy, the Rust tests
# (unit, UI, snapshot), the differential corpus against CPython, and the Python package's
# pytest suite (built into .venv with maturin, sharing the workspace target directory), and the
# pipeline hosts (Python, C, `matx run`, Rust) on one saved directory.
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
# The example's C-ABI library (without Python) and the `matx` command, for the pipeline tests:
# the Python test saves the traced pipeline, a C program and `matx run` load it, and then a Rust
# host test loads the same directory.
cargo build --quiet -p text2ids -p matx-cli
PIPELINE_OUT="$CARGO_TARGET_DIR/pipelines/text2ids"
rm -rf "$PIPELINE_OUT"
MATX_TEXT2IDS_LIB="$CARGO_TARGET_DIR/debug/libtext2ids.so" MATX_BIN="$CARGO_TARGET_DIR/debug/matx" \
  MATX_PIPELINE_OUT="$PIPELINE_OUT" RUST_BACKTRACE=0 \
  .venv/bin/python -m pytest -W error -q -p no:cacheprovider matx-py/tests/python examples/text2ids/tests
echo "== the pipeline saved by Python, run by a Rust host"
test -f "$PIPELINE_OUT/pipeline.json"
MATX_PIPELINE_DIR="$PIPELINE_OUT" cargo test --quiet -p text2ids --test pipeline
echo "== the ResNet preprocessing example: from Python, traced and saved, then run by a Rust host"
matx_develop examples/resnet_preprocess
RESNET_OUT="$CARGO_TARGET_DIR/pipelines/resnet_preprocess"
rm -rf "$RESNET_OUT"
MATX_PIPELINE_OUT="$RESNET_OUT" .venv/bin/python -m pytest -W error -q -p no:cacheprovider examples/resnet_preprocess/tests
test -f "$RESNET_OUT/pipeline.json"
MATX_PIPELINE_DIR="$RESNET_OUT" cargo test --quiet -p resnet_preprocess --test pipeline
