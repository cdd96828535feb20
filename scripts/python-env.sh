#!/usr/bin/env bash
# Sourced by the other scripts: a .venv with the pinned Python tools, and the matx package
# built into it by maturin (sharing the workspace target directory).
# Pillow and OpenCV: the references of the vision ops' tests and benchmarks.
PY_PINS="maturin==1.16.0 pytest==9.2.0 numpy==2.4.6 pillow==13.0.0 opencv-python-headless==5.0.0.93"
[ -x .venv/bin/python ] || python3 -m venv .venv
if [ "$(cat .venv/.matx-pins 2>/dev/null)" != "$PY_PINS" ]; then
  # shellcheck disable=SC2086
  .venv/bin/pip install -q --disable-pip-version-check $PY_PINS
  echo "$PY_PINS" > .venv/.matx-pins
fi
# `maturin develop DIR`: builds the extension in DIR into .venv.
matx_develop() {
  (cd "$1" && VIRTUAL_ENV="$OLDPWD/.venv" PATH="$OLDPWD/.venv/bin:$PATH" maturin develop -q)
}
matx_develop matx-py
