#!/usr/bin/env bash
# Sets up a fresh machine for matx: checks the Rust toolchain and CPython (the reference
# interpreter of the differential tests) and installs what is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

need_apt=()
command -v python3 >/dev/null 2>&1 || need_apt+=(python3 python3-venv)
command -v cc >/dev/null 2>&1 || need_apt+=(build-essential)
# libjpeg-turbo (the vision ops' JPEG codec) is built from source by turbojpeg-sys.
command -v cmake >/dev/null 2>&1 || need_apt+=(cmake)
command -v nasm >/dev/null 2>&1 || need_apt+=(nasm)
if [ ${#need_apt[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq "${need_apt[@]}"
  else
    echo "setup: please install: ${need_apt[*]}" >&2
    exit 2
  fi
fi
if ! command -v cargo >/dev/null 2>&1; then
  [ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
fi
command -v cargo >/dev/null 2>&1 || { echo "setup: cargo (Rust 1.95+) is required: https://rustup.rs" >&2; exit 2; }
# One target directory for every build, so nothing is compiled twice.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
echo "setup: $(cargo --version), $(python3 --version)"
