#!/usr/bin/env bash
# A short, prepared GPU check: one generative edit per inpainting preset present in the local model
# cache (or the folders given as arguments), timed. Prints seconds per op; needs a GPU and weights.
#   bench/gpu_check.sh [MODEL_DIR_OR_PRESET ...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python -c "import torch; print('torch', torch.__version__, 'cuda', torch.cuda.is_available(), torch.cuda.get_device_name(0) if torch.cuda.is_available() else '')"
tmp=$(mktemp -d)
python -c "from skimage import data; from PIL import Image; Image.fromarray(data.astronaut()).save('$tmp/a.png')"
models=("$@")
if [ ${#models[@]} -eq 0 ]; then models=(sd15-inpaint sdxl-inpaint flux-fill); fi
for m in "${models[@]}"; do
  start=$(date +%s.%N)
  if editree edit "$tmp/a.png" "replace the sign with a bouquet of flowers" --region sign=128,128,384,384 \
      --model "$m" --steps 25 -o "$tmp/out-$(basename "$m").png" -q >/dev/null 2>"$tmp/err"; then
    end=$(date +%s.%N)
    echo "$m: $(python -c "print(f'{$end - $start:.2f}')") s (including load)"
  else
    echo "$m: skipped ($(tail -n 1 "$tmp/err"))"
  fi
done
