#!/usr/bin/env bash
# Sets everything up, then runs the main example end to end: text2ids.py compiled to Rust, run natively.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
echo "== text2ids.py compiled to Rust, run natively"
cargo run --quiet -p text2ids --bin text2ids
echo "== the same compiled code imported from Python (a wheel built by maturin)"
. scripts/python-env.sh
matx_develop examples/text2ids
.venv/bin/python -c 'import text2ids; print(text2ids.Text2Ids(["hello", "world", "[UNK]"])("hello world unknown".split()))'
