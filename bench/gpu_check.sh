#!/usr/bin/env bash
# A short, prepared GPU check: one generative edit per preset present in the local model cache (inpainting
# presets replace a box; instruction presets restyle the picture), timed. Prints seconds per op, load
# included; presets not present are reported as skipped with the reason. Needs a GPU and weights.
#   bench/gpu_check.sh                       # every inpainting and instruction preset
#   bench/gpu_check.sh inpaint DIR_OR_PRESET  # one model as an inpainting model
#   bench/gpu_check.sh instruct DIR_OR_PRESET # one model as an instruction model
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python -c "import torch; print('torch', torch.__version__, 'cuda', torch.cuda.is_available(), torch.cuda.get_device_name(0) if torch.cuda.is_available() else '')"
tmp=$(mktemp -d)
python -c "from skimage import data; from PIL import Image; Image.fromarray(data.astronaut()).save('$tmp/a.png')"

run() {  # KIND MODEL [EXTRA FLAG...]
  local kind=$1 m=$2 start end
  shift 2
  local -a extra=("$@")
  local -a args
  if [ "$kind" = inpaint ]; then
    args=("replace the sign with a bouquet of flowers" --region sign=128,128,384,384 --model "$m")
  else
    args=("make the sign look like a watercolor painting" --region sign=128,128,384,384 --instruct-model "$m")
  fi
  start=$(date +%s.%N)
  if editree edit "$tmp/a.png" "${args[@]}" "${extra[@]}" --steps 25 -o "$tmp/out-$kind-$(basename "$m")${#extra[@]}.png" \
      -q >/dev/null 2>"$tmp/err"; then
    end=$(date +%s.%N)
    echo "$kind $m ${extra[*]}: $(python -c "print(f'{$end - $start:.2f}')") s (including load)"
  else
    echo "$kind $m ${extra[*]}: skipped ($(tail -n 1 "$tmp/err"))"
  fi
}

if [ $# -eq 2 ]; then
  run "$1" "$2"
else
  for m in sd15-inpaint sdxl-inpaint flux-fill; do run inpaint "$m"; done
  for m in instruct-pix2pix flux-kontext qwen-image-edit qwen-image-edit-2509; do run instruct "$m"; done
  # The overhead target (<= 1.05 against a bare diffusers call, load excluded) on the first real model here.
  for m in sd15-inpaint sdxl-inpaint flux-fill; do
    if editree models info "$m" 2>/dev/null | grep -q "^present at"; then
      python bench/overhead.py --model "$m" --size 1024 --steps 25 --repeat 3 --device cuda
      run inpaint "$m" --low-memory  # offload hooks + latent blend on the execution device
      break
    fi
  done
  # ControlNet: edge IoU inside the edited region with --control canny beside the same edit without it.
  if editree models info controlnet-sd15-canny 2>/dev/null | grep -q "^present at" \
      && editree models info sd15-inpaint 2>/dev/null | grep -q "^present at"; then
    python bench/control_edges.py --model sd15-inpaint --device cuda
  else
    echo "controlnet: skipped (needs sd15-inpaint and controlnet-sd15-canny: editree models pull ...)"
  fi
fi
