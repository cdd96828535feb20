#!/usr/bin/env bash
# Sets everything up, then runs the main example end to end: text2ids.py compiled to Rust, run natively.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
cargo run --quiet -p text2ids
