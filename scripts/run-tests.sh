#!/usr/bin/env bash
# Sets everything up, then runs every check and test: formatting, clippy, the Rust tests
# (unit, UI, snapshot), and the differential corpus against CPython.
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
